import type { Actions, PageServerLoad } from './$types';
import { getNeed, needFormOptions } from '$lib/server/needs/list-needs';
import { updateNeed } from '$lib/server/needs/save-need';
import { NEED_SOURCE_KINDS, NEED_STATUSES, NEED_URGENCIES } from '$lib/server/needs/validation';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const [need, options] = await orNotFound(() =>
		Promise.all([getNeed(ctx, { needId: event.params.id }), needFormOptions(ctx)])
	);
	return {
		tenant: ctx.tenant,
		need,
		...options,
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES,
		sourceKinds: NEED_SOURCE_KINDS,
		urgencies: NEED_URGENCIES,
		statuses: NEED_STATUSES
	};
};

export const actions: Actions = {
	save: formAction(updateNeed, {
		input: ({ values, params }) => ({ ...values, needId: params.id }),
		onSuccess: () => ({ success: m.needs_saved() })
	})
};
