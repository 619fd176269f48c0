import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { deleteEvent, getEventForEdit, saveEvent } from '$lib/server/events/manage';
import { eventInputFromForm } from '$lib/server/events/form';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const item = await orNotFound(() => getEventForEdit(ctx, { id: event.params.id }));
	return { tenant: ctx.tenant, item, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: formAction(saveEvent, {
		input: ({ values, params }) => eventInputFromForm(values, params.id),
		onSuccess: () => ({ success: m.events_app_saved() })
	}),
	delete: formAction(deleteEvent, {
		input: ({ params }) => ({ id: params.id }),
		onSuccess: (_r, { ctx }) => redirect(303, `/app/${ctx.tenant.slug}/veranstaltungen`)
	})
};
