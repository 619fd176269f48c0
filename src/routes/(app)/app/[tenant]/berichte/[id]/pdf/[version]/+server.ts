import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { reportVersionDocument } from '$lib/server/reports/service';
import { renderReportPdf } from '$lib/server/reports/document';

/** A frozen version (or "live") of a status report as tagged PDF. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const doc = await orNotFound(() =>
		reportVersionDocument(ctx, tenant.id, event.params.id, event.params.version)
	);
	const pdf = await renderReportPdf(doc);
	const name = `sachstandsbericht-${event.params.version}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
