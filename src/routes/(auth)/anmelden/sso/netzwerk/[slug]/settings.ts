import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { tenantSsoSettings } from '$lib/server/auth/tenant-sso';
import type { OidcSettings } from '$lib/server/auth/oidc';
import { m } from '$lib/paraglide/messages';

/**
 * The settings of the network's own provider: 404 when it has none; when they cannot be read
 * (SECRETS_KEY missing or changed) the error is logged and the browser goes back to sign-in.
 */
export async function networkSettings(
	event: Pick<RequestEvent, 'params' | 'locals'>,
	slug: string
): Promise<OidcSettings> {
	let settings: OidcSettings | null;
	try {
		settings = await tenantSsoSettings(event.locals.ctx.db, slug);
	} catch (err) {
		event.locals.log.error({ err, tenant: slug }, 'single sign-on: settings cannot be read');
		redirect(303, '/anmelden?sso=failed');
	}
	if (!settings) error(404, m.error_not_found());
	return settings;
}
