import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { setBodyArchived, updateBody } from '$lib/server/bodies/bodies';
import { bodyFormOptions, getBodyForEdit } from '$lib/server/bodies/views';
import { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS } from '$lib/server/bodies/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'body.manage', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const [body, options] = await Promise.all([
		orNotFound(() => getBodyForEdit(ctx, tenant.id, event.params.body)),
		bodyFormOptions(ctx, tenant.id)
	]);
	return {
		tenant,
		body,
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
		const result = await runAction(values, async () => {
			await updateBody(event.locals.ctx, tenant.id, event.params.body, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.bodies_saved() };
	},
	archive: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const archived = form.get('archived') === '1';
		await runAction({}, () =>
			setBodyArchived(event.locals.ctx, tenant.id, event.params.body, archived)
		);
		return { success: archived ? m.bodies_archived() : m.bodies_unarchived() };
	}
};
