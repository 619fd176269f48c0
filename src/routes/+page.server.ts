import type { PageServerLoad } from './$types';
import { listPublicTenants } from '$lib/server/tenants/service';
import { requestCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const tenants = await listPublicTenants(requestCtx(event));
	return {
		tenants: tenants.filter((t) => !t.parentId),
		municipalities: tenants.filter((t) => t.parentId)
	};
};
