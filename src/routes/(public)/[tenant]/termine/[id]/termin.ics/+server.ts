import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { eventIcs } from '$lib/server/events/public';

/** One network event as an iCalendar file. */
export const GET: RequestHandler = async (event) => {
	const ics = await orNotFound(() => eventIcs(tenantCtx(event), { id: event.params.id }));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="termin.ics"',
			'cache-control': 'public, max-age=300'
		}
	});
};
