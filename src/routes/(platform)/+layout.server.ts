import type { LayoutServerLoad } from './$types';
import { listPublicTenants } from '$lib/server/tenants/service';
import { requestCtx } from '$lib/server/http';

// The platform's own legal pages point to the networks, each responsible for its own pages.
export const load: LayoutServerLoad = async (event) => ({
	networks: await listPublicTenants(requestCtx(event))
});
