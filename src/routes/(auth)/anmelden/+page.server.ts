import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/sign-in';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { formAction, sessionCookieOptions } from '$lib/server/http';
import { safeRedirectPath } from '$lib/server/shared/redirects';
import { m } from '$lib/paraglide/messages';
import { cookieMaxAge, cookieName, getLocale, isLocale } from '$lib/paraglide/runtime';
import { waitInWords } from '$lib/server/shared';
import { ssoSettings } from '$lib/server/auth/sso';
import { tenantSsoButton } from '$lib/server/auth/tenant-sso';

const SSO_REFUSALS = ['failed', 'unverified', 'no_account', 'elsewhere'] as const;

/**
 * The network a sign-in is for: named by `?netzwerk=<address>` (the network's pages link so),
 * else by a `next` inside its signed-in area (/app/<address>/…).
 */
function networkOf(url: URL): string | null {
	const named = url.searchParams.get('netzwerk');
	if (named && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(named)) return named;
	return (
		/^\/app\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:[/?#]|$)/.exec(url.searchParams.get('next') ?? '')?.[1] ??
		null
	);
}

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: unknown, url: URL) => safeRedirectPath(next, url.origin, '/app');

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), url));
	const refused = url.searchParams.get('sso');
	const network = networkOf(url);
	return {
		// the network's own sign-on, when it has one
		networkSso: network ? await tenantSsoButton(locals.ctx.db, network) : null,
		next: url.searchParams.get('next') ?? '',
		reset: url.searchParams.has('reset'),
		// single sign-on, when configured: the provider's name for the button
		sso: ssoSettings()?.label ?? null,
		ssoRefused: SSO_REFUSALS.find((code) => code === refused) ?? null
	};
};

export const actions: Actions = {
	// The password is read from the form and never sent back.
	default: formAction(signIn, {
		input: ({ values, form }) => ({
			email: values.email ?? '',
			password: form.get('password') ?? ''
		}),
		// the throttle's wait is often seconds: say exactly how long (see auth/throttle.ts)
		rateLimitMessage: (_minutes, seconds) =>
			m.sa_error_sign_in_wait({ wait: waitInWords(seconds, getLocale()) }),
		onSuccess: (result, { event, values }) => {
			const { cookies, url, locals } = event;
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
			redirect(303, safeNext(values.next, url));
		}
	})
};
