import { cookieName, defineCustomClientStrategy } from '$lib/paraglide/runtime';
import { cookieFrom, routeLocale } from '$lib/i18n/routing';

// The page's language from its address, by the same rule as the server (hooks.server.ts), so
// the hydrated page is in the language the server rendered. Choosing a language is a link to
// another address or the /sprache form (which sets the cookie on the server): nothing to store.
defineCustomClientStrategy('custom-route', {
	getLocale: () =>
		routeLocale({
			pathname: window.location.pathname,
			cookie: cookieFrom(document.cookie, cookieName),
			accept: navigator.languages
		}),
	setLocale: () => {}
});
