import type { RequestHandler } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { beginOidcSignIn } from '$lib/server/auth/oidc';
import { encodePending, ssoConfig, ssoSettings, SSO_PENDING_COOKIE } from '$lib/server/auth/sso';
import { safeRedirectPath } from '$lib/server/shared/redirects';
import { m } from '$lib/paraglide/messages';

/** Starts a sign-on: to the provider, with state, nonce and the PKCE verifier kept in a cookie. */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
	const settings = ssoSettings();
	if (!settings) error(404, m.error_not_found());
	let target: URL;
	try {
		const next = safeRedirectPath(url.searchParams.get('next'), url.origin, '/app');
		const { url: providerUrl, pending } = await beginOidcSignIn(
			await ssoConfig(settings),
			`${url.origin}/anmelden/sso/callback`,
			next
		);
		cookies.set(SSO_PENDING_COOKIE, encodePending(pending), {
			path: '/anmelden/sso/callback',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 600
		});
		target = providerUrl;
	} catch (err) {
		locals.log.error({ err }, 'single sign-on: provider not reachable');
		redirect(303, '/anmelden?sso=failed');
	}
	redirect(303, target.href);
};
