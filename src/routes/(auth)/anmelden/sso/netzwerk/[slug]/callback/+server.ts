import type { RequestHandler } from './$types';
import { finishSignOn } from '$lib/server/auth/sso';
import { tenantSsoCallbackPath } from '$lib/server/auth/tenant-sso';
import { networkSettings } from '../settings';

/** A network's own provider sends the browser back here: limited to that network (oidc.ts). */
export const GET: RequestHandler = async (event) => {
	const { slug } = event.params;
	const settings = await networkSettings(event, slug);
	return finishSignOn(event, settings, tenantSsoCallbackPath(slug), slug);
};
