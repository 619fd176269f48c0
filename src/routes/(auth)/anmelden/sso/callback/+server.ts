import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { finishSignOn, ssoSettings } from '$lib/server/auth/sso';
import { m } from '$lib/paraglide/messages';

/** The platform's provider sends the browser back here (see finishSignOn). */
export const GET: RequestHandler = async (event) => {
	const settings = ssoSettings();
	if (!settings) error(404, m.error_not_found());
	return finishSignOn(event, settings, '/anmelden/sso/callback', null);
};
