import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import {
	invalidateAllSessions,
	invalidateSession,
	SESSION_COOKIE
} from '$lib/server/auth/sessions';

export const load: PageServerLoad = ({ url }) => ({
	everywhere: url.searchParams.has('ueberall'),
	done: url.searchParams.has('done'),
	deleted: url.searchParams.has('geloescht')
});

export const actions: Actions = {
	/** Ends this session. (Named, because SvelteKit allows no default action beside named ones.) */
	signout: async ({ locals, cookies }) => {
		if (locals.sessionToken) await invalidateSession(locals.ctx.db, locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/abmelden?done');
	},
	/** "Sign out everywhere": ends every session of the person. */
	everywhere: async ({ locals, cookies }) => {
		if (locals.actor) {
			const ended = await invalidateAllSessions(locals.ctx.db, locals.actor.userId);
			locals.log.info({ userId: locals.actor.userId, ended }, 'signed out everywhere');
		}
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/abmelden?done&ueberall');
	}
};
