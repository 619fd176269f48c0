import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { publicCaptions } from '$lib/server/easy-read/video';

/** The captions of the tenant's sign-language video (WebVTT). */
export const GET: RequestHandler = async (event) => {
	const captions = await orNotFound(() => publicCaptions(tenantCtx(event)));
	return new Response(captions, {
		headers: {
			'Content-Type': 'text/vtt; charset=utf-8',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "sandbox; default-src 'none'",
			'Cache-Control': 'public, no-cache'
		}
	});
};
