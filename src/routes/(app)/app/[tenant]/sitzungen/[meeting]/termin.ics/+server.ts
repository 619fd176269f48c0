import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { meetingCalendarFile } from '$lib/server/invitations/feeds';

/** The meeting as an .ics download ("In Kalender übernehmen") for whoever may see it. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const ics = await orNotFound(() => meetingCalendarFile(ctx, { meetingId: event.params.meeting }));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="sitzung-${event.params.meeting}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
