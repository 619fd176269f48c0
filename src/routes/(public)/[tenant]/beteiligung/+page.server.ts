import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { listPublicProcesses } from '$lib/server/participation/processes';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params }) => {
	const tenant = await findPublicTenant(locals.ctx.db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	return { tenant, processes: await listPublicProcesses(locals.ctx.db, tenant.id) };
};
