import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { createProcess } from '$lib/server/participation/processes';
import { newProcessPage } from '$lib/server/participation/pages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, ...(await orNotFound(() => newProcessPage(ctx))) };
};

export const actions: Actions = {
	save: formAction(createProcess, {
		lists: ['fieldIds'],
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/beteiligung/${id}?angelegt=1`)
	})
};
