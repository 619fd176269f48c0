import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/policy';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { saveEvent } from '$lib/server/events/manage';
import { eventInputFromForm } from '$lib/server/events/form';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	await orNotFound(async () => authorize(ctx.actor, 'events.manage', { tenantId: ctx.tenant.id }));
	return { tenant: ctx.tenant };
};

export const actions: Actions = {
	save: formAction(saveEvent, {
		input: ({ values }) => eventInputFromForm(values),
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/veranstaltungen/${id}?saved=1`)
	})
};
