import type { RequestHandler } from './$types';
import { exportOrganizationsCsv } from '$lib/server/transfer/export';
import { csvResponse } from '$lib/server/transfer/csv';
import { orNotFound, tenantCtx } from '$lib/server/http';

/** The tenant's organisations as CSV (coordinators: data.transfer). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const body = await orNotFound(() => exportOrganizationsCsv(ctx));
	return csvResponse(body, `organisationen-${ctx.tenant.slug}.csv`);
};
