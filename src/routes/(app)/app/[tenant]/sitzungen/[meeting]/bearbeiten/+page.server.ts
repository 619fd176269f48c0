import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import { organizationOptions, personOptions } from '$lib/server/bodies/lookups';
import { loadMeetingToManage } from '$lib/server/meetings/access';
import { meetingFormValues, updateMeeting } from '$lib/server/meetings/meetings';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	requireActor(event);
	return orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const { meeting } = await orNotFound(() =>
		loadMeetingToManage(ctx, tenant.id, event.params.meeting)
	);
	const [organizations, people] = await Promise.all([
		organizationOptions(ctx.db, tenant.id),
		personOptions(ctx.db, tenant.id)
	]);
	return {
		tenant,
		meetingId: meeting.id,
		state: meeting.state,
		invited: meeting.state === 'invited' || meeting.invitedAt !== null,
		values: meetingFormValues(meeting),
		organizations,
		people
	};
};

export const actions: Actions = {
	save: async (event) => {
		const tenant = await tenantFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await updateMeeting(event.locals.ctx, tenant.id, event.params.meeting, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.meetings_saved() };
	}
};
