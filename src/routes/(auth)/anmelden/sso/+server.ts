import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { ssoSettings, startSignOn } from '$lib/server/auth/sso';
import { m } from '$lib/paraglide/messages';

/** Starts a sign-on at the platform's provider (environment). */
export const GET: RequestHandler = async (event) => {
	const settings = ssoSettings();
	if (!settings) error(404, m.error_not_found());
	return startSignOn(event, settings, '/anmelden/sso/callback');
};
