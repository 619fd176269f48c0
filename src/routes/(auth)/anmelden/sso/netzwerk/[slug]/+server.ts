import type { RequestHandler } from './$types';
import { startSignOn } from '$lib/server/auth/sso';
import { tenantSsoCallbackPath } from '$lib/server/auth/tenant-sso';
import { networkSettings } from './settings';

/** Starts a sign-on at a network's own provider (auth/tenant-sso.ts). */
export const GET: RequestHandler = async (event) => {
	const settings = await networkSettings(event, event.params.slug);
	return startSignOn(event, settings, tenantSsoCallbackPath(event.params.slug));
};
