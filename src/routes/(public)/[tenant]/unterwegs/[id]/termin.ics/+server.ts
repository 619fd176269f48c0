import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { touringStopIcs } from '$lib/server/touring/public';

/** One confirmed stop of a touring project as an iCalendar file. */
export const GET: RequestHandler = async (event) => {
	const ics = await orNotFound(() => touringStopIcs(tenantCtx(event), { stopId: event.params.id }));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="termin.ics"',
			'cache-control': 'public, max-age=300'
		}
	});
};
