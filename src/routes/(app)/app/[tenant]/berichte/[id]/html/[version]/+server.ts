import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { reportVersionDocument } from '$lib/server/reports/service';
import { renderReportHtml } from '$lib/server/reports/document';

/** A frozen version (or "live") of a status report as a standalone accessible HTML document. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const doc = await orNotFound(() =>
		reportVersionDocument(ctx, tenant.id, event.params.id, event.params.version)
	);
	return new Response(renderReportHtml(doc), {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'private, no-store'
		}
	});
};
