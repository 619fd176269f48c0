import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { getNeed, needFormOptions } from '$lib/server/needs/list-needs';
import { updateNeed } from '$lib/server/needs/save-need';
import { NEED_SOURCE_KINDS, NEED_STATUSES, NEED_URGENCIES } from '$lib/server/needs/validation';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'needs.manage', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const [need, options] = await Promise.all([
		orNotFound(() => getNeed(ctx, tenant.id, event.params.id)),
		needFormOptions(ctx, tenant.id)
	]);
	return {
		tenant,
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
	save: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, async () => {
			await updateNeed(event.locals.ctx, tenant.id, event.params.id, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.needs_saved() };
	}
};
