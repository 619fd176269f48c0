import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { publicSignVideo, videoResponse } from '$lib/server/easy-read/video';

/** The tenant's sign-language video (MP4 or WebM), with range requests for seeking. */
export const GET: RequestHandler = async (event) => {
	const video = await orNotFound(() => publicSignVideo(tenantCtx(event)));
	return videoResponse(video, event.request);
};
