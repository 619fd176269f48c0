import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { agendaDocument, pdfFileName } from '$lib/server/minutes/print';
import { renderPdf } from '$lib/server/documents/pdf';

// The agenda as a tagged PDF, for whoever may see the meeting.
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() => agendaDocument(ctx, ctx.tenant.id, event.params.meeting));
	const pdf = await renderPdf(doc.model);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${pdfFileName('tagesordnung', doc.body.name, doc.meeting.startsAt)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
