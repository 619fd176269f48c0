import type { PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import { listProcesses } from '$lib/server/participation/processes';

export const load: PageServerLoad = async (event) => {
	const { tenant, canManage } = await tenantFor(event, 'participation.view');
	return { tenant, canManage, processes: await listProcesses(event.locals.ctx, tenant.id) };
};
