import type { RequestEvent } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { ValidationError } from '../errors';
import { districtReport, districtReportDocument } from './report';
import { renderHtmlPage } from '../documents/html';
import { renderPdf } from '../documents/pdf';
import { orNotFound, t, tenantCtx } from '../http';

/** The report as a download: tagged PDF or a self-contained HTML file. */
export async function reportResponse(event: RequestEvent, format: 'pdf' | 'html') {
	const ctx = tenantCtx(event);
	const raw = { from: event.url.searchParams.get('from'), to: event.url.searchParams.get('to') };
	let report;
	try {
		report = await orNotFound(() => districtReport(ctx, raw));
	} catch (e) {
		if (e instanceof ValidationError) error(400, t(Object.values(e.fieldErrors)[0] ?? ''));
		throw e;
	}
	const doc = districtReportDocument(report);
	const name = `gemeindevergleich-${ctx.tenant.slug}-${report.period.from}-${report.period.to}`;
	const headers = { 'cache-control': 'private, no-store' };
	if (format === 'html')
		return new Response(renderHtmlPage(doc), {
			headers: {
				...headers,
				'content-type': 'text/html; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.html"`
			}
		});
	const pdf = await renderPdf(doc);
	return new Response(new Uint8Array(pdf), {
		headers: {
			...headers,
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${name}.pdf"`
		}
	});
}
