import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { paperFileForDownload } from '$lib/server/papers/attachments';

const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** An attachment of a paper the person may see. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const file = await orNotFound(() =>
		paperFileForDownload(ctx, {
			paperId: event.params.id,
			fileId: event.params.file,
			publicOnly: false
		})
	);
	const disposition = INLINE.has(file.mediaType) ? 'inline' : 'attachment';
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.size),
			'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
