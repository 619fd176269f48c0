import type { LayoutServerLoad } from './$types';
import { cookieName, getLocale } from '$lib/paraglide/runtime';
import { isPublicPath, localizePath, splitLocalePrefix, suggestedLocale } from '$lib/i18n/routing';
import { dateText, timeText } from '$lib/server/shared/date-text';
import { DEFAULT_ACCENT } from '$lib/server/tenants/branding';
import { issueChallenge, POW_DIFFICULTY } from '$lib/server/inquiries/spam';

export const load: LayoutServerLoad = ({ locals, url, cookies, request, route }) => {
	const prefix = splitLocalePrefix(url.pathname).locale;
	const locale = getLocale();
	const now = new Date();
	return {
		// Only what the shell shows; never e-mail addresses or roles of others.
		user: locals.actor
			? { name: locals.actor.name, isPlatformAdmin: locals.actor.isPlatformAdmin }
			: null,
		demo: locals.demo,
		locale,
		// On an unprefixed public page the visitor's chosen or preferred language is only
		// suggested (a notice linking to the page in it), never forced.
		suggestedLocale:
			!prefix && isPublicPath(url.pathname)
				? suggestedLocale(cookies.get(cookieName), request.headers.get('accept-language'))
				: null,
		// A network's public pages carry its name in its accent colour (tenants/branding.ts) and
		// its logo (tenants/logo.ts).
		network:
			locals.tenant && route.id?.startsWith('/(public)/[tenant]')
				? {
						slug: locals.tenant.slug,
						name: locals.tenant.name,
						accent: locals.tenant.accent ?? DEFAULT_ACCENT,
						logo: locals.tenant.logo ?? null
					}
				: null,
		// "Barriere melden" as a form in the footer of a network's public pages (the message
		// page itself has the whole form); its challenge is signed, not stored.
		feedback:
			locals.tenant &&
			route.id?.startsWith('/(public)/[tenant]') &&
			route.id !== '/(public)/[tenant]/anliegen'
				? {
						action: localizePath(`/${locals.tenant.slug}/anliegen`, locale),
						privacyHref: localizePath(`/${locals.tenant.slug}/datenschutz`, locale),
						challenge: issueChallenge(now),
						difficulty: POW_DIFFICULTY
					}
				: null,
		// A network's public pages work offline for visitors who are not signed in (the service
		// worker, src/lib/offline/sw.js): the network's address in this language (what it saves)
		// and when this page was made (shown when the saved copy is read offline).
		offline:
			locals.tenant && !locals.actor && route.id?.startsWith('/(public)/[tenant]')
				? {
						base: localizePath(`/${locals.tenant.slug}`, locale),
						tenant: locals.tenant.slug,
						date: dateText(now, locale),
						time: timeText(now, locale)
					}
				: null
	};
};
