import type { LayoutServerLoad } from './$types';
import { cookieName, getLocale } from '$lib/paraglide/runtime';
import { isPublicPath, splitLocalePrefix, suggestedLocale } from '$lib/i18n/routing';

export const load: LayoutServerLoad = ({ locals, url, cookies, request }) => {
	const prefix = splitLocalePrefix(url.pathname).locale;
	return {
		// Only what the shell shows; never e-mail addresses or roles of others.
		user: locals.actor
			? { name: locals.actor.name, isPlatformAdmin: locals.actor.isPlatformAdmin }
			: null,
		demo: locals.demo,
		locale: getLocale(),
		// On an unprefixed public page the visitor's chosen or preferred language is only
		// suggested (a notice linking to the page in it), never forced.
		suggestedLocale:
			!prefix && isPublicPath(url.pathname)
				? suggestedLocale(cookies.get(cookieName), request.headers.get('accept-language'))
				: null
	};
};
