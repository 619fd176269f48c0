import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { tenantFeed } from '$lib/server/invitations/feeds';

/** The meetings of the tenant's public bodies as a calendar feed (no sign-in). */
export const GET: RequestHandler = async (event) => {
	const ics = await tenantFeed(tenantCtx(event));
	if (!ics) error(404, m.error_not_found());
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="sitzungen-${event.params.tenant}.ics"`,
			'cache-control': 'public, max-age=900'
		}
	});
};
