import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { meetingCalendarFile } from '$lib/server/invitations/feeds';

/** The meeting as an .ics download ("In Kalender übernehmen") for whoever may see it. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const ics = await orNotFound(() => meetingCalendarFile(ctx, tenant.id, event.params.meeting));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="sitzung-${event.params.meeting}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
