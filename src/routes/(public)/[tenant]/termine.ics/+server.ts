import type { RequestHandler } from './$types';
import { tenantCtx } from '$lib/server/http';
import { eventsFeed } from '$lib/server/events/public';

/** The tenant's public events and public meetings as a calendar feed (no sign-in). */
export const GET: RequestHandler = async (event) => {
	const ics = await eventsFeed(tenantCtx(event));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="termine-${event.params.tenant}.ics"`,
			'cache-control': 'public, max-age=900'
		}
	});
};
