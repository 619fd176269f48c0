import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import {
	invalidateAllSessions,
	invalidateSession,
	SESSION_COOKIE
} from '$lib/server/auth/sessions';
import { oidcSignOutUrl } from '$lib/server/auth/oidc';
import {
	ssoConfig,
	ssoSettings,
	PROVIDER_SIGN_OUT_COOKIE,
	SSO_ID_TOKEN_COOKIE,
	SSO_TENANT_COOKIE
} from '$lib/server/auth/sso';
import { tenantSsoSettings } from '$lib/server/auth/tenant-sso';
import type { Db } from '$lib/server/db/client';
import type { Cookies } from '@sveltejs/kit';

/**
 * After a single sign-on session the provider's sign-out address (it ends the session there and
 * sends the browser back to `done`) is kept for the page `done`, which forwards the browser there:
 * the sign-out form may only send to this site (CSP form-action 'self'), so its answer cannot
 * redirect to the provider itself.
 */
async function afterSignOut(
	db: Db,
	cookies: Cookies,
	origin: string,
	done: string
): Promise<string> {
	const providerUrl = await providerSignOut(db, cookies, origin, done);
	if (providerUrl)
		cookies.set(PROVIDER_SIGN_OUT_COOKIE, providerUrl, {
			path: '/abmelden',
			httpOnly: true,
			sameSite: 'lax',
			secure: origin.startsWith('https:'),
			maxAge: 120
		});
	return done;
}

/** The provider's sign-out address after a single sign-on session, else null. */
async function providerSignOut(
	db: Db,
	cookies: Cookies,
	origin: string,
	done: string
): Promise<string | null> {
	const idToken = cookies.get(SSO_ID_TOKEN_COOKIE);
	const network = cookies.get(SSO_TENANT_COOKIE);
	cookies.delete(SSO_ID_TOKEN_COOKIE, { path: '/' });
	cookies.delete(SSO_TENANT_COOKIE, { path: '/' });
	if (!idToken) return null;
	try {
		// the provider of the network the session began with, else the platform's
		const settings = network ? await tenantSsoSettings(db, network) : ssoSettings();
		if (!settings) return null;
		const url = oidcSignOutUrl(await ssoConfig(settings), idToken, `${origin}${done}`);
		return url?.href ?? null;
	} catch {
		return null;
	}
}

export const load: PageServerLoad = ({ url, cookies }) => {
	const providerSignOut = cookies.get(PROVIDER_SIGN_OUT_COOKIE) ?? null;
	if (providerSignOut) cookies.delete(PROVIDER_SIGN_OUT_COOKIE, { path: '/abmelden' });
	return {
		// the page forwards the browser to the provider's sign-out (meta refresh and a link)
		providerSignOut:
			providerSignOut?.startsWith('https://') || providerSignOut?.startsWith('http://')
				? providerSignOut
				: null,
		everywhere: url.searchParams.has('ueberall'),
		done: url.searchParams.has('done'),
		deleted: url.searchParams.has('geloescht')
	};
};

export const actions: Actions = {
	/** Ends this session. (Named, because SvelteKit allows no default action beside named ones.) */
	signout: async ({ locals, cookies, url }) => {
		if (locals.sessionToken) await invalidateSession(locals.ctx.db, locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, await afterSignOut(locals.ctx.db, cookies, url.origin, '/abmelden?done'));
	},
	/** "Sign out everywhere": ends every session of the person. */
	everywhere: async ({ locals, cookies, url }) => {
		if (locals.actor) {
			const ended = await invalidateAllSessions(locals.ctx.db, locals.actor.userId);
			locals.log.info({ userId: locals.actor.userId, ended }, 'signed out everywhere');
		}
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(
			303,
			await afterSignOut(locals.ctx.db, cookies, url.origin, '/abmelden?done&ueberall')
		);
	}
};
