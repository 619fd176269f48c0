import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { webManifest } from '$lib/offline/manifest';

/**
 * The network's web app manifest in the visitor's language (/ar/landshut/manifest.webmanifest):
 * installed to the home screen, the app opens the network's start page in that language.
 */
export const GET: RequestHandler = (event) => {
	const ctx = tenantCtx(event);
	const manifest = webManifest({
		slug: ctx.tenant.slug,
		tenantName: ctx.tenant.name,
		locale: ctx.locale,
		siteName: m.site_name(),
		description: m.share_tenant_description({ tenant: ctx.tenant.name })
	});
	return new Response(JSON.stringify(manifest), {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
