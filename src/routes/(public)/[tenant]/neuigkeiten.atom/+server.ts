import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { locales, type Locale } from '$lib/paraglide/runtime';
import { newsAtomFeed } from '$lib/server/news/atom';

/**
 * The tenant's public news as an Atom feed (no sign-in), in the language of `?sprache=` where an
 * item is translated, else German with a note in that language. German without the parameter
 * (a file has no language prefix, and the answer must not depend on the reader's browser).
 */
export const GET: RequestHandler = async (event) => {
	const asked = event.url.searchParams.get('sprache') ?? 'de';
	const locale: Locale = (locales as readonly string[]).includes(asked) ? (asked as Locale) : 'de';
	const ctx = { ...tenantCtx(event), locale };
	const xml = await newsAtomFeed(ctx, {
		title: m.news_feed_title({ tenant: ctx.tenant.name }, { locale }),
		subtitle: m.news_public_intro({ tenant: ctx.tenant.name }, { locale }),
		notes: {
			fallback: m.news_i18n_only_german({}, { locale }),
			machine: m.translations_public_machine_note({}, { locale })
		}
	});
	return new Response(xml, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
