import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { listPublicBodies } from '$lib/server/bodies/views';
import { BODY_KINDS } from '$lib/server/bodies/schema';
import { m } from '$lib/paraglide/messages';

// Server-rendered only: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = locals.ctx.db;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const bodies = await listPublicBodies(db, tenant.id, locals.ctx.locale);
	return { tenant: { name: tenant.name, slug: tenant.slug }, bodies, kinds: BODY_KINDS };
};
