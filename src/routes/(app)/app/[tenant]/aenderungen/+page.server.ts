import type { PageServerLoad } from './$types';
import { listAudit } from '$lib/server/audit/service';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const result = await orNotFound(() => listAudit(ctx, Object.fromEntries(event.url.searchParams)));
	return { tenant: ctx.tenant, ...result };
};
