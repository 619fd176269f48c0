import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { listPublicProcesses } from '$lib/server/participation/processes';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, processes: await listPublicProcesses(ctx) };
};
