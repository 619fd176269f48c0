import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { reportVersionDocument } from '$lib/server/reports/views';
import { renderReportHtml } from '$lib/server/reports/document';

/** A frozen version (or "live") of a status report as a standalone accessible HTML document. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() =>
		reportVersionDocument(ctx, { reportId: event.params.id, version: event.params.version })
	);
	return new Response(renderReportHtml(doc), {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'private, no-store'
		}
	});
};
