import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { getNeed, listNeeds, needFormOptions } from '$lib/server/needs/list-needs';
import { setNeedStatus } from '$lib/server/needs/save-need';
import { needFilter, NEED_STATUSES, NEED_URGENCIES } from '$lib/server/needs/validation';
import { NotFoundError } from '$lib/server/errors';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { needStatusLabel } from './labels';
import { isUuid } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'needs.manage', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const filter = needFilter.parse(Object.fromEntries(event.url.searchParams));
	const [list, options] = await Promise.all([
		listNeeds(ctx, tenant.id, filter),
		needFormOptions(ctx, tenant.id)
	]);
	// After creating a need the form sends the person here with its id, to confirm it.
	const createdId = event.url.searchParams.get('erfasst');
	let created: string | null = null;
	if (createdId && isUuid(createdId)) {
		created = await getNeed(ctx, tenant.id, createdId).then(
			(n) => n.title,
			(e) => {
				if (e instanceof NotFoundError) return null;
				throw e;
			}
		);
	}
	return {
		tenant,
		filter,
		...list,
		fields: options.fields,
		hasMunicipalities: options.municipalities.length > 0,
		statuses: NEED_STATUSES,
		urgencies: NEED_URGENCIES,
		created
	};
};

export const actions: Actions = {
	/** Close or reopen a need from the list. */
	status: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const status = String(form.get('status') ?? '');
		const result = await runAction({}, async () => {
			await setNeedStatus(event.locals.ctx, tenant.id, id, status);
			return { need: await getNeed(event.locals.ctx, tenant.id, id) };
		});
		if (!('need' in result)) return result;
		return {
			success: m.needs_status_changed({
				title: result.need.title,
				status: needStatusLabel(result.need.status)
			})
		};
	}
};
