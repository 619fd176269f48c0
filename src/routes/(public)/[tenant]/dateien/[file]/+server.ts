import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { fileResponse, getPublicFile } from '$lib/server/meetings/downloads';

/** A public attachment of a meeting of a public body. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const file = await orNotFound(() => getPublicFile(ctx, { fileId: event.params.file }));
	return fileResponse(file, event.request, { public: true });
};
