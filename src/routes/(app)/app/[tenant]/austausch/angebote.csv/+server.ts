import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { exportOffersCsv } from '$lib/server/transfer/export';
import { orNotFound } from '$lib/server/http';

/** The tenant's offers as CSV (coordinators: data.transfer). */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const body = await orNotFound(() => exportOffersCsv(ctx, tenant.id));
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="angebote-${tenant.slug}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
