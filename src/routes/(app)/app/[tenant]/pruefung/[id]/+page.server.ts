import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { approveRevision, getRevision, rejectRevision } from '$lib/server/offers/revisions';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const revision = await orNotFound(() => getRevision(ctx, { revisionId: event.params.id }));
	return { tenant: ctx.tenant, revision };
};

// an error comes back tagged with its form (`values.form`): approve or reject
export const actions: Actions = {
	approve: formAction(approveRevision, {
		form: 'approve',
		input: ({ values, params }) => ({ revisionId: params.id, note: str(values.note) }),
		onSuccess: (_, { ctx }) => redirect(303, `/app/${ctx.tenant.slug}/pruefung?decided=approved`)
	}),
	reject: formAction(rejectRevision, {
		form: 'reject',
		input: ({ values, params }) => ({ revisionId: params.id, note: str(values.note) }),
		onSuccess: (_, { ctx }) => redirect(303, `/app/${ctx.tenant.slug}/pruefung?decided=rejected`)
	})
};
