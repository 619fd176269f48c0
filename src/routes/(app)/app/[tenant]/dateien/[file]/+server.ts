import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { fileResponse, getFileForMember } from '$lib/server/meetings/downloads';

/** An attachment of a meeting, for whoever may see the meeting's body. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const file = await orNotFound(() => getFileForMember(ctx, { fileId: event.params.file }));
	return fileResponse(file, event.request);
};
