import type { LayoutServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getMeetingSummary, meetingHeader } from '$lib/server/meetings/views';

// The meeting's header and tabs. The meeting is loaded (and authorised) once here; the overview
// page builds on it through `parent()`.
export const load: LayoutServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const meeting = await orNotFound(() =>
		getMeetingSummary(ctx, { meetingId: event.params.meeting })
	);
	return {
		tenant: ctx.tenant,
		meetingHeader: meetingHeader(meeting),
		canManageMeeting: meeting.canManage,
		meetingSummary: meeting
	};
};
