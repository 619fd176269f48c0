import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { getReportsPage } from '$lib/server/reports/views';
import { createStatusReport } from '$lib/server/reports/manage';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, ...(await orNotFound(() => getReportsPage(ctx))) };
};

export const actions: Actions = {
	create: formAction(createStatusReport, {
		onSuccess: (result, { ctx }) =>
			redirect(303, `/app/${ctx.tenant!.slug}/berichte/${result.id}?angelegt=1`)
	})
};
