import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { NotFoundError } from '$lib/server/errors';
import { pdfFileName, publicMinutesDocument } from '$lib/server/minutes/print';
import { renderPdf } from '$lib/server/documents/pdf';

// The published minutes of a public body as a tagged PDF, public version (no names of persons).
export const GET: RequestHandler = async ({ locals, params }) => {
	const doc = await publicMinutesDocument(locals.ctx.db, params.tenant, params.meeting).catch(
		(e) => {
			if (e instanceof NotFoundError) error(404, m.error_not_found());
			throw e;
		}
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
