import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { appNewsImage } from '$lib/server/news/views';
import { logoResponse } from '$lib/server/organizations/logos';

/** The image of a news item for its author and the coordinators (drafts too). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const image = await orNotFound(() => appNewsImage(ctx, { id: event.params.id }));
	return logoResponse(image, 'private, no-store');
};
