import type { LayoutServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { loadMeeting } from '$lib/server/meetings/access';
import { orNotFound } from '$lib/server/http';

// The meeting's header and tabs; every page below loads and authorises again itself.
export const load: LayoutServerLoad = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const { meeting, body, canManage } = await orNotFound(() =>
		loadMeeting(ctx, tenant.id, event.params.meeting)
	);
	return {
		tenant,
		meetingHeader: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt.toISOString(),
			endsAt: meeting.endsAt.toISOString(),
			state: meeting.state,
			minutesState: meeting.minutesState,
			body: { id: body.id, name: body.name, shortName: body.shortName }
		},
		canManageMeeting: canManage
	};
};
