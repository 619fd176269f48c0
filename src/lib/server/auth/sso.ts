/**
 * Single sign-on for the routes: the platform's provider, configured by the environment (OIDC_*,
 * see README), and a network's own (auth/tenant-sso.ts); each provider's configuration
 * (discovered once per issuer and client, again after a failure); the cookies that carry an
 * attempt's state, nonce and PKCE verifier between leaving and coming back; and the start and the
 * return of a sign-in, shared by both kinds of provider.
 */
import { createHash } from 'node:crypto';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type * as client from 'openid-client';
import { env } from '../env';
import { sessionCookieOptions } from '../http';
import { safeRedirectPath } from '../shared/redirects';
import { createSession, SESSION_COOKIE } from './sessions';
import { beginOidcSignIn, completeOidcSignIn, OidcSignInError } from './oidc';
import { discoverProvider, parseRoleMap, type OidcSettings, type PendingSignIn } from './oidc';

/** Carries the pending attempt (http-only, only to the callback, ten minutes). */
export const SSO_PENDING_COOKIE = 'mt_sso';
/** The ID token of a sign-on session, for the sign-out at the provider. */
export const SSO_ID_TOKEN_COOKIE = 'mt_sso_id';
/** The network whose provider started the session (its address), for the sign-out there. */
export const SSO_TENANT_COOKIE = 'mt_sso_net';
/** Carries the provider's sign-out address from the sign-out to the page that follows it. */
export const PROVIDER_SIGN_OUT_COOKIE = 'mt_sso_out';

export function ssoSettings(): OidcSettings | null {
	const e = env();
	if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return null;
	return {
		issuer: e.OIDC_ISSUER,
		clientId: e.OIDC_CLIENT_ID,
		clientSecret: e.OIDC_CLIENT_SECRET,
		roleClaim: e.OIDC_ROLE_CLAIM,
		roleMap: parseRoleMap(e.OIDC_ROLE_MAP),
		label: e.OIDC_NAME
	};
}

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, discovered once per issuer, client and secret (a changed
 * secret is a new entry); a failed discovery is tried again on the next sign-in.
 */
export function ssoConfig(settings: OidcSettings): Promise<client.Configuration> {
	const key = [
		settings.issuer,
		settings.clientId,
		createHash('sha256')
			.update(settings.clientSecret ?? '')
			.digest('base64url')
	].join('\n');
	let found = discovered.get(key);
	if (!found) {
		found = discoverProvider(settings).catch((err) => {
			discovered.delete(key);
			throw err;
		});
		discovered.set(key, found);
	}
	return found;
}

export function encodePending(pending: PendingSignIn): string {
	return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

export function decodePending(value: string | undefined): PendingSignIn | null {
	if (!value) return null;
	try {
		const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		const ok = ['state', 'nonce', 'verifier', 'next'].every((k) => typeof parsed[k] === 'string');
		return ok ? (parsed as PendingSignIn) : null;
	} catch {
		return null;
	}
}

type SsoEvent = Pick<RequestEvent, 'url' | 'cookies' | 'locals'>;

/**
 * Starts a sign-on: to the provider, with state, nonce and the PKCE verifier kept in a cookie for
 * `callbackPath` only. A provider that cannot be reached sends the browser back to sign-in.
 */
export async function startSignOn(
	{ url, cookies, locals }: SsoEvent,
	settings: OidcSettings,
	callbackPath: string
): Promise<never> {
	let target: URL;
	try {
		const next = safeRedirectPath(url.searchParams.get('next'), url.origin, '/app');
		const { url: providerUrl, pending } = await beginOidcSignIn(
			await ssoConfig(settings),
			`${url.origin}${callbackPath}`,
			next
		);
		cookies.set(SSO_PENDING_COOKIE, encodePending(pending), {
			path: callbackPath,
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
}

/**
 * The provider sent the browser back: the code is exchanged (state, nonce and PKCE checked
 * against the cookie), the person linked by verified e-mail, and a session started. `tenantSlug`
 * names the network whose provider it was (for the sign-out there).
 */
export async function finishSignOn(
	{ url, cookies, locals }: SsoEvent,
	settings: OidcSettings,
	callbackPath: string,
	tenantSlug: string | null
): Promise<never> {
	const pending = decodePending(cookies.get(SSO_PENDING_COOKIE));
	cookies.delete(SSO_PENDING_COOKIE, { path: callbackPath });
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
			locals.log.info({ refused: err.code, tenant: tenantSlug }, 'single sign-on refused');
			redirect(303, `/anmelden?sso=${err.code}`);
		}
		locals.log.error({ err }, 'single sign-on failed');
		redirect(303, '/anmelden?sso=failed');
	}
	const session = await createSession(locals.ctx.db, result.userId);
	const options = sessionCookieOptions(url, session.expiresAt);
	cookies.set(SESSION_COOKIE, session.token, options);
	if (result.idToken) cookies.set(SSO_ID_TOKEN_COOKIE, result.idToken, options);
	if (tenantSlug) cookies.set(SSO_TENANT_COOKIE, tenantSlug, options);
	else cookies.delete(SSO_TENANT_COOKIE, { path: '/' });
	locals.log.info(
		{ userId: result.userId, tenant: tenantSlug },
		'signed in through single sign-on'
	);
	redirect(303, safeRedirectPath(pending.next, url.origin, '/app'));
}
