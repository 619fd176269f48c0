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
	SSO_ID_TOKEN_COOKIE,
	SSO_TENANT_COOKIE
} from '$lib/server/auth/sso';
import { tenantSsoSettings } from '$lib/server/auth/tenant-sso';
import type { Db } from '$lib/server/db/client';
import type { Cookies } from '@sveltejs/kit';

/**
 * After a single sign-on session: the provider's sign-out address (it ends the session there and
 * sends the browser back to `done`), else `done` itself.
 */
async function afterSignOut(
	db: Db,
	cookies: Cookies,
	origin: string,
	done: string
): Promise<string> {
	const idToken = cookies.get(SSO_ID_TOKEN_COOKIE);
	const network = cookies.get(SSO_TENANT_COOKIE);
	cookies.delete(SSO_ID_TOKEN_COOKIE, { path: '/' });
	cookies.delete(SSO_TENANT_COOKIE, { path: '/' });
	if (!idToken) return done;
	try {
		// the provider of the network the session began with, else the platform's
		const settings = network ? await tenantSsoSettings(db, network) : ssoSettings();
		if (!settings) return done;
		const url = oidcSignOutUrl(await ssoConfig(settings), idToken, `${origin}${done}`);
		return url?.href ?? done;
	} catch {
		return done;
	}
}

export const load: PageServerLoad = ({ url }) => ({
	everywhere: url.searchParams.has('ueberall'),
	done: url.searchParams.has('done'),
	deleted: url.searchParams.has('geloescht')
});

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
