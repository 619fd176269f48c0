import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { paperFileDownload } from '$lib/server/papers/attachments';

/** An attachment of a public paper, always as download, revalidated on every use. */
export const GET: RequestHandler = (event) =>
	orNotFound(() =>
		paperFileDownload(
			tenantCtx(event),
			{ paperId: event.params.id, fileId: event.params.file },
			'public',
			event.request
		)
	);
