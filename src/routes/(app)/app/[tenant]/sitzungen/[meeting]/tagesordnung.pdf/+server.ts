import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { agendaDocument, pdfFileName } from '$lib/server/minutes/print';
import { renderPdf } from '$lib/server/documents/pdf';

// The agenda as a tagged PDF, for whoever may see the meeting.
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const doc = await orNotFound(() => agendaDocument(ctx, tenant.id, event.params.meeting));
	const pdf = await renderPdf(doc.model);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${pdfFileName('tagesordnung', doc.body.name, doc.meeting.startsAt)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
