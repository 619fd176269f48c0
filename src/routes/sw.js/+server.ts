import type { RequestHandler } from './$types';
import source from '$lib/offline/sw.js?raw';

/**
 * The service worker (src/lib/offline/sw.js), served from the site's root so that it may answer
 * for every public page. Not a static file: static files carry the strict document policy
 * (default-src 'none'), which would forbid the worker to fetch anything; the worker's own
 * policy allows only this site.
 */
export const GET: RequestHandler = () =>
	new Response(source, {
		headers: {
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': 'no-cache',
			'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
			'service-worker-allowed': '/'
		}
	});
