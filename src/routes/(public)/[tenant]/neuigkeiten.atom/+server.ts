import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { newsAtomFeed } from '$lib/server/news/atom';

/** The tenant's public news as an Atom feed (no sign-in). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const xml = await newsAtomFeed(ctx, {
		title: m.news_feed_title({ tenant: ctx.tenant.name }, { locale: 'de' }),
		subtitle: m.news_public_intro({ tenant: ctx.tenant.name }, { locale: 'de' })
	});
	return new Response(xml, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
