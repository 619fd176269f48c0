import type { RequestHandler } from './$types';
import { redirect } from '@sveltejs/kit';
import { cookieName, cookieMaxAge } from '$lib/paraglide/runtime';
import { APP_LOCALES } from '$lib/i18n/routing';
import { saveLocale } from '$lib/server/auth/account';
import { readForm, requestCtx } from '$lib/server/http';
import { safeRedirectPath } from '$lib/server/shared/redirects';

/**
 * Switches the language of the signed-in area (German or English; works without JavaScript) and
 * returns to the page. Public pages carry their language in the address instead.
 */
export const POST: RequestHandler = async (event) => {
	const { request, cookies, url } = event;
	const form = await readForm(request);
	const locale = String(form.get('locale') ?? '');
	// Only same-site paths: no open redirect.
	const safeTarget = safeRedirectPath(form.get('redirectTo'), url.origin, '/');
	if ((APP_LOCALES as readonly string[]).includes(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		// a signed-in person keeps the language on other devices
		await saveLocale(requestCtx(event), { locale: locale as (typeof APP_LOCALES)[number] });
	}
	redirect(303, safeTarget);
};
