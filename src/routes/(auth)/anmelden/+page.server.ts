import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/sign-in';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { runAction, sessionCookieOptions } from '$lib/server/http';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { keepValues } from '$lib/server/shared';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/app';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '', reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			signIn(locals.ctx, { email: form.get('email') ?? '', password: form.get('password') ?? '' })
		);
		if (!('token' in result)) return result;
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
		// The language chosen earlier on another device follows the person, unless chosen here.
		if (result.locale && isLocale(result.locale) && !cookies.get(cookieName)) {
			cookies.set(cookieName, result.locale, {
				path: '/',
				maxAge: cookieMaxAge,
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:'
			});
		}
		locals.log.info({ userId: result.userId }, 'signed in');
		redirect(303, safeNext(String(form.get('next') ?? '')));
	}
};
