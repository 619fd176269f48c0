import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { listProcesses } from '$lib/server/participation/processes';
import { canManageParticipation } from '$lib/server/participation/pages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const processes = await orNotFound(() => listProcesses(ctx));
	return { tenant: ctx.tenant, canManage: canManageParticipation(ctx), processes };
};
