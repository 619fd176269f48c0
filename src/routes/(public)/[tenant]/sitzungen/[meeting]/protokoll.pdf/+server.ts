import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { pdfFileName, publicMinutesDocument } from '$lib/server/minutes/print';
import { renderPdf } from '$lib/server/documents/pdf';

// The published minutes of a public body as a tagged PDF, public version (no names of persons).
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() =>
		publicMinutesDocument(ctx, { meetingId: event.params.meeting })
	);
	const pdf = await renderPdf(doc.model);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${pdfFileName('protokoll', doc.bodyName, new Date(doc.startsAt))}"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
