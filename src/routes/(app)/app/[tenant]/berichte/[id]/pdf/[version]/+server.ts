import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { reportVersionDocument } from '$lib/server/reports/views';
import { renderReportPdf } from '$lib/server/reports/document';

/** A frozen version (or "live") of a status report as tagged PDF. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() =>
		reportVersionDocument(ctx, { reportId: event.params.id, version: event.params.version })
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
