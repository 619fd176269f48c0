import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { createPaper } from '$lib/server/papers/create';
import { getNewPaperForm } from '$lib/server/papers/form-view';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, ...(await orNotFound(() => getNewPaperForm(ctx))) };
};

export const actions: Actions = {
	save: formAction(createPaper, {
		onSuccess: (result, { ctx }) =>
			redirect(303, `/app/${ctx.tenant!.slug}/vorlagen/${result.id}?angelegt=1`)
	})
};
