import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { createBody } from '$lib/server/bodies/bodies';
import { bodyFormOptions } from '$lib/server/bodies/views';
import { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS } from '$lib/server/bodies/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'body.manage', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const options = await bodyFormOptions(event.locals.ctx, tenant.id);
	return {
		tenant,
		...options,
		kinds: BODY_KINDS,
		visibilities: BODY_VISIBILITIES,
		cadences: CADENCE_KINDS
	};
};

export const actions: Actions = {
	save: async (event) => {
		const tenant = await tenantFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, () => createBody(event.locals.ctx, tenant.id, values));
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/gremien?angelegt=${result.id}`);
	}
};
