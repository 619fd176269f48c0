import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { buildResultsDocument } from '$lib/server/participation/results';
import { orNotFound } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params }) => {
	const tenant = await findPublicTenant(locals.ctx.db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const doc = await orNotFound(() =>
		buildResultsDocument(locals.ctx.db, tenant.id, params.id, locals.ctx.locale)
	);
	return { tenant, doc };
};
