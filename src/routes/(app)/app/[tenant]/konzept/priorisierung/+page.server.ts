import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { createRound, listRounds } from '$lib/server/concept/prioritisation';
import { editionForPage } from '$lib/server/concept/views';
import { workingGroupsOf } from '$lib/server/concept/structure';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const [rounds, groups, edition] = await orNotFound(() =>
		Promise.all([listRounds(ctx), workingGroupsOf(ctx), editionForPage(ctx, { editionId: null })])
	);
	return { rounds, groups, edition };
};

export const actions: Actions = {
	create: formAction(createRound, {
		input: ({ values }) => ({ ...values, editionId: str(values.editionId) }),
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/konzept/priorisierung/${id}`)
	})
};
