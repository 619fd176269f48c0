import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { needFormOptions } from '$lib/server/needs/list-needs';
import { createNeed } from '$lib/server/needs/save-need';
import { NEED_SOURCE_KINDS, NEED_URGENCIES } from '$lib/server/needs/validation';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const options = await orNotFound(() => needFormOptions(ctx));
	return {
		tenant: ctx.tenant,
		...options,
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES,
		sourceKinds: NEED_SOURCE_KINDS,
		urgencies: NEED_URGENCIES
	};
};

export const actions: Actions = {
	save: formAction(createNeed, {
		input: ({ values }) => ({ ...values, status: 'open' }),
		onSuccess: ({ id }, { ctx }) => redirect(303, `/app/${ctx.tenant.slug}/bedarfe?erfasst=${id}`)
	})
};
