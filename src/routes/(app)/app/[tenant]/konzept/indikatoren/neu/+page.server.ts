import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { newIndicatorForm } from '$lib/server/concept/pages';
import { createIndicator } from '$lib/server/concept/indicator-edit';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return orNotFound(() => newIndicatorForm(ctx));
};

export const actions: Actions = {
	save: formAction(createIndicator, {
		lists: ['goalIds'],
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/konzept/indikatoren/${id}`)
	})
};
