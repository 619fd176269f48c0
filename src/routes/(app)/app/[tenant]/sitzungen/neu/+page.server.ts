import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { createMeeting } from '$lib/server/meetings/meetings';
import { getNewMeetingForm } from '$lib/server/meetings/views';

/** The body of the new meeting (?gremium=). */
const bodyIdOf = (url: URL) => url.searchParams.get('gremium') ?? '';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const form = await orNotFound(() =>
		getNewMeetingForm(ctx, { bodyId: bodyIdOf(event.url), query: event.url.searchParams })
	);
	return { tenant: ctx.tenant, ...form };
};

export const actions: Actions = {
	save: formAction(createMeeting, {
		input: ({ values, event }) => ({ ...values, bodyId: bodyIdOf(event.url) }),
		onSuccess: (result, { ctx }) =>
			redirect(303, `/app/${ctx.tenant!.slug}/sitzungen/${result.id}?angelegt=1`)
	})
};
