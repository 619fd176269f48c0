import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requestCtx } from '$lib/server/http';
import { personalFeed } from '$lib/server/invitations/feeds';

/**
 * A person's calendar feed at its secret address /kalender/<token>.ics (no sign-in: calendar
 * programs cannot sign in). An unknown or reset token answers 404.
 */
export const GET: RequestHandler = async (event) => {
	const token = event.params.token.replace(/\.ics$/i, '');
	const ics = await personalFeed(requestCtx(event), { token });
	if (!ics) error(404, m.error_not_found());
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="meine-sitzungen.ics"',
			'cache-control': 'private, max-age=300',
			'x-robots-tag': 'noindex'
		}
	});
};
