import type { RequestHandler } from './$types';
import { orNotFound } from '$lib/server/http';
import { fileResponse, getPublicFile } from '$lib/server/meetings/files';

/** A public attachment of a meeting of a public body. */
export const GET: RequestHandler = async (event) => {
	const file = await orNotFound(() =>
		getPublicFile(event.locals.ctx.db, event.params.tenant, event.params.file)
	);
	return fileResponse(file, event.request, { public: true });
};
