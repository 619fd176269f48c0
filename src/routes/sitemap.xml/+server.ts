import type { RequestHandler } from './$types';
import { DOCUMENT_CSP } from '$lib/server/security-headers.js';
import { requestCtx } from '$lib/server/http';
import { sitemapIndex } from '$lib/server/sitemap/sitemap';

/** The index of the public tenants' sitemaps (robots.txt points here). */
export const GET: RequestHandler = async (event) =>
	new Response(await sitemapIndex(requestCtx(event)), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600',
			'content-security-policy': DOCUMENT_CSP
		}
	});
