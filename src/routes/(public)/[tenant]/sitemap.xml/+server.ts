import type { RequestHandler } from './$types';
import { DOCUMENT_CSP } from '$lib/server/security-headers.js';
import { tenantCtx } from '$lib/server/http';
import { tenantSitemap } from '$lib/server/sitemap/sitemap';

/** The tenant's public pages in every public language, for search engines. */
export const GET: RequestHandler = async (event) =>
	new Response(await tenantSitemap(tenantCtx(event)), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600',
			'content-security-policy': DOCUMENT_CSP
		}
	});
