import type { RequestHandler } from './$types';
import { DOCUMENT_CSP } from '$lib/server/security-headers.js';
import { requestCtx } from '$lib/server/http';
import { robotsTxt } from '$lib/server/sitemap/sitemap';

/** Crawling rules: public pages yes, signed-in areas and secret links no; where the sitemaps are. */
export const GET: RequestHandler = async (event) =>
	new Response(robotsTxt(requestCtx(event).origin), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=86400',
			'content-security-policy': DOCUMENT_CSP
		}
	});
