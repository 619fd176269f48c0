import type { RequestHandler } from './$types';
import { exportOffersCsv } from '$lib/server/transfer/export';
import { csvResponse } from '$lib/server/transfer/csv';
import { orNotFound, tenantCtx } from '$lib/server/http';

/** The tenant's offers as CSV (coordinators: data.transfer). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const body = await orNotFound(() => exportOffersCsv(ctx));
	return csvResponse(body, `angebote-${ctx.tenant.slug}.csv`);
};
