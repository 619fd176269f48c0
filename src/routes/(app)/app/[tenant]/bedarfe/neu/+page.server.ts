import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { needFormOptions } from '$lib/server/needs/list-needs';
import { createNeed } from '$lib/server/needs/save-need';
import { NEED_SOURCE_KINDS, NEED_URGENCIES } from '$lib/server/needs/validation';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound, runAction } from '$lib/server/http';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'needs.manage', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const options = await needFormOptions(event.locals.ctx, tenant.id);
	return {
		tenant,
		...options,
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES,
		sourceKinds: NEED_SOURCE_KINDS,
		urgencies: NEED_URGENCIES
	};
};

export const actions: Actions = {
	save: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			createNeed(event.locals.ctx, tenant.id, { ...values, status: 'open' })
		);
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/bedarfe?erfasst=${result.id}`);
	}
};
