import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { createRound, listRounds } from '$lib/server/concept/prioritisation';
import { editionForPage } from '$lib/server/concept/views';
import { workingGroupsOf } from '$lib/server/concept/structure';
import { orNotFound, runAction } from '$lib/server/http';
import { conceptTenant } from '../_shared';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const [rounds, groups, edition] = await Promise.all([
		orNotFound(() => listRounds(ctx, tenant.id)),
		workingGroupsOf(ctx, tenant.id),
		orNotFound(() => editionForPage(ctx, tenant.id, null))
	]);
	return { rounds, groups, edition };
};

export const actions: Actions = {
	create: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, () =>
			createRound(event.locals.ctx, tenant.id, values.editionId ?? '', values)
		);
		if (!('id' in result)) return fail(result.status, result.data);
		redirect(303, `/app/${tenant.slug}/konzept/priorisierung/${result.id}`);
	}
};
