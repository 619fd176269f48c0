import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { minutesDocument, pdfFileName } from '$lib/server/minutes/print';
import { renderPdf } from '$lib/server/documents/pdf';

// The minutes as a tagged PDF, for whoever may read them in their current state.
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() => minutesDocument(ctx, ctx.tenant.id, event.params.meeting));
	const pdf = await renderPdf(doc.model);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${pdfFileName('protokoll', doc.body.name, doc.meeting.startsAt)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
