import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { orNotFound } from '$lib/server/http';
import { paperFileForDownload } from '$lib/server/papers/service';
import { papersTenant } from '../../../_shared/tenant.server';

const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** An attachment of a paper the person may see. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const tenant = await papersTenant(event);
	const file = await orNotFound(() =>
		paperFileForDownload(event.locals.ctx, tenant.id, event.params.id, event.params.file, false)
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
