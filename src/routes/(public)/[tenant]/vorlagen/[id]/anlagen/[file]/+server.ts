import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { paperFileForDownload } from '$lib/server/papers/attachments';

/** An attachment of a public paper, always as download. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const file = await orNotFound(() =>
		paperFileForDownload(ctx, {
			paperId: event.params.id,
			fileId: event.params.file,
			publicOnly: true
		})
	);
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.size),
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=300'
		}
	});
};
