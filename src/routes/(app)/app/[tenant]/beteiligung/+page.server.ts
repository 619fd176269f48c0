import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { listProcesses } from '$lib/server/participation/processes';
import { canManageParticipation } from '$lib/server/participation/pages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const processes = await listProcesses(ctx);
	return { tenant: ctx.tenant, canManage: canManageParticipation(ctx), processes };
};
