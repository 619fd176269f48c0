import type { PageServerLoad } from './$types';
import { listPublicTenants } from '$lib/server/tenants/service';

export const load: PageServerLoad = async ({ locals }) => {
	const tenants = await listPublicTenants(locals.ctx.db);
	return {
		tenants: tenants.filter((t) => !t.parentId),
		municipalities: tenants.filter((t) => t.parentId)
	};
};
