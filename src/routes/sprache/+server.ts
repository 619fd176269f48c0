import type { RequestHandler } from './$types';
import { redirect } from '@sveltejs/kit';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';
import { saveLocale } from '$lib/server/auth/account';
import { readForm, requestCtx } from '$lib/server/http';
import { safeRedirectPath } from '$lib/server/shared/redirects';

/** Switches the UI language (works without JavaScript) and returns to the page. */
export const POST: RequestHandler = async (event) => {
	const { request, cookies, url } = event;
	const form = await readForm(request);
	const locale = String(form.get('locale') ?? '');
	// Only same-site paths: no open redirect.
	const safeTarget = safeRedirectPath(form.get('redirectTo'), url.origin, '/');
	if (isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		// a signed-in person keeps the language on other devices (the account stores de or en)
		if (locale === 'de' || locale === 'en') await saveLocale(requestCtx(event), { locale });
	}
	redirect(303, safeTarget);
};
