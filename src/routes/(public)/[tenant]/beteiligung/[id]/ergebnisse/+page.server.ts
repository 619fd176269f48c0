import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { buildResultsDocument } from '$lib/server/participation/results';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() => buildResultsDocument(ctx, { processId: event.params.id }));
	return { tenant: ctx.tenant, doc };
};
