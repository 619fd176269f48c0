/**
 * The platform's single sign-on, configured by the environment (OIDC_*, see README): the
 * settings, the provider's configuration (discovered once, again after a failure) and the
 * cookie that carries an attempt's state, nonce and PKCE verifier between leaving and coming back.
 */
import type * as client from 'openid-client';
import { env } from '../env';
import { discoverProvider, parseRoleMap, type OidcSettings, type PendingSignIn } from './oidc';

/** Carries the pending attempt (http-only, only to the callback, ten minutes). */
export const SSO_PENDING_COOKIE = 'mt_sso';
/** The ID token of a sign-on session, for the sign-out at the provider. */
export const SSO_ID_TOKEN_COOKIE = 'mt_sso_id';

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

let discovered: Promise<client.Configuration> | null = null;

/** The provider's configuration; a failed discovery is tried again on the next sign-in. */
export function ssoConfig(settings: OidcSettings): Promise<client.Configuration> {
	discovered ??= discoverProvider(settings).catch((err) => {
		discovered = null;
		throw err;
	});
	return discovered;
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
