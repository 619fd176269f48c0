import type { PageServerLoad } from './$types';
import { ValidationError } from '$lib/server/errors';
import { districtReport, districtReportDocument } from '$lib/server/district/report';
import { renderHtml } from '$lib/server/documents/html';
import { orNotFound, tenantCtx, translateErrors } from '$lib/server/http';

/** The report comparing the municipalities, shown on the page; ?from=&to= choose the period. */
export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const raw = {
		from: event.url.searchParams.get('from'),
		to: event.url.searchParams.get('to')
	};
	try {
		const report = await orNotFound(() => districtReport(ctx, raw));
		const html = renderHtml(districtReportDocument(report), { headingOffset: 1 });
		return { tenant: ctx.tenant, period: report.period, html, errors: null, values: raw };
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		// a wrong period: the form with the message, nothing else
		return {
			tenant: ctx.tenant,
			period: null,
			html: null,
			errors: translateErrors(e.fieldErrors),
			values: raw
		};
	}
};
