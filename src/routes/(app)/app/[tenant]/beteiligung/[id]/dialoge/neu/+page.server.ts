import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { createDialogue } from '$lib/server/participation/dialogues';
import { newDialoguePage } from '$lib/server/participation/pages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => newDialoguePage(ctx, { processId: event.params.id }));
	return { tenant: ctx.tenant, ...page };
};

export const actions: Actions = {
	save: formAction(createDialogue, {
		lists: ['languages'],
		input: ({ values, params }) => ({ ...values, processId: params.id }),
		onSuccess: ({ id }, { ctx, params }) =>
			redirect(303, `/app/${ctx.tenant.slug}/beteiligung/${params.id}/dialoge/${id}?angelegt=1`)
	})
};
