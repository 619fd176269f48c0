import type { RequestHandler } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { completeOidcSignIn, OidcSignInError } from '$lib/server/auth/oidc';
import {
	decodePending,
	ssoConfig,
	ssoSettings,
	SSO_ID_TOKEN_COOKIE,
	SSO_PENDING_COOKIE
} from '$lib/server/auth/sso';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/http';
import { safeRedirectPath } from '$lib/server/shared/redirects';
import { m } from '$lib/paraglide/messages';

/**
 * The provider sends the browser back here: the code is exchanged (state, nonce and PKCE checked
 * against the cookie), the person linked by verified e-mail, and a session started.
 */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
	const settings = ssoSettings();
	if (!settings) error(404, m.error_not_found());
	const pending = decodePending(cookies.get(SSO_PENDING_COOKIE));
	cookies.delete(SSO_PENDING_COOKIE, { path: '/anmelden/sso/callback' });
	if (!pending) redirect(303, '/anmelden?sso=failed');
	let result: { userId: string; idToken: string | undefined };
	try {
		result = await completeOidcSignIn(
			locals.ctx.db,
			await ssoConfig(settings),
			settings,
			url,
			pending
		);
	} catch (err) {
		if (err instanceof OidcSignInError) {
			locals.log.info({ refused: err.code }, 'single sign-on refused');
			redirect(303, `/anmelden?sso=${err.code}`);
		}
		locals.log.error({ err }, 'single sign-on failed');
		redirect(303, '/anmelden?sso=failed');
	}
	const session = await createSession(locals.ctx.db, result.userId);
	cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
	if (result.idToken)
		cookies.set(SSO_ID_TOKEN_COOKIE, result.idToken, sessionCookieOptions(url, session.expiresAt));
	locals.log.info({ userId: result.userId }, 'signed in through single sign-on');
	redirect(303, safeRedirectPath(pending.next, url.origin, '/app'));
};
