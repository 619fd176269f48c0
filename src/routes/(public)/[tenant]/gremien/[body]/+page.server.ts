import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { getPublicBody } from '$lib/server/bodies/views';
import { m } from '$lib/paraglide/messages';

// Server-rendered only: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = locals.ctx.db;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	// Unknown, malformed, another tenant's, not public or archived: all the same 404.
	const page = await getPublicBody(db, tenant.id, params.body, locals.ctx.locale);
	if (!page) error(404, m.error_not_found());
	return { tenant: { name: tenant.name, slug: tenant.slug }, ...page };
};
