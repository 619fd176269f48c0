import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findPublicTenant } from '$lib/server/tenants/service';
import { getPublicPaper } from '$lib/server/papers/views';

export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = locals.ctx.db;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	// unknown, malformed, another tenant's, not public or a draft: all the same 404
	const paper = await getPublicPaper(db, tenant.id, params.id, locals.ctx.locale);
	if (!paper) error(404, m.error_not_found());
	return { tenant: { name: tenant.name, slug: tenant.slug }, paper };
};
