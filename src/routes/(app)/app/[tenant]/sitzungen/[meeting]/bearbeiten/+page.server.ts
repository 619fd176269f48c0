import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { getMeetingForm } from '$lib/server/meetings/views';
import { updateMeeting } from '$lib/server/meetings/meetings';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const form = await orNotFound(() => getMeetingForm(ctx, { meetingId: event.params.meeting }));
	return { tenant: ctx.tenant, ...form };
};

export const actions: Actions = {
	save: formAction(updateMeeting, {
		input: ({ values, params }) => ({ ...values, meetingId: params.meeting }),
		onSuccess: () => ({ success: m.meetings_saved() })
	})
};
