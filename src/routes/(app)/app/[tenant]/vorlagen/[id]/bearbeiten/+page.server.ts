import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { updatePaper } from '$lib/server/papers/update';
import { accountAuthorIds, getPaperEditForm } from '$lib/server/papers/form-view';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const form = await orNotFound(() => getPaperEditForm(ctx, { paperId: event.params.id }));
	return { tenant: ctx.tenant, ...form };
};

export const actions: Actions = {
	save: formAction(updatePaper, {
		// authors with an account are kept as they are
		input: async ({ values, params, event }) => ({
			...values,
			paperId: params.id,
			authorIds: await accountAuthorIds(tenantCtx(event), { paperId: params.id })
		}),
		onSuccess: (_, { ctx, params }) =>
			redirect(303, `/app/${ctx.tenant!.slug}/vorlagen/${params.id}?gespeichert=1`)
	})
};
