import type { PageServerLoad } from './$types';
import { processingRecord } from '$lib/server/privacy/processing';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, record: await orNotFound(() => processingRecord(ctx)) };
};
