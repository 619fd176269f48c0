import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import {
	actionItemFilter,
	listBodyActionItems,
	setActionItemState
} from '$lib/server/minutes/action-items';
import { ACTION_ITEM_STATES } from '$lib/server/meetings/schema';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const filter = actionItemFilter.parse(Object.fromEntries(event.url.searchParams));
	const list = await orNotFound(() =>
		listBodyActionItems(ctx, tenant.id, event.params.body, filter)
	);
	return {
		tenant,
		filter,
		body: { id: list.body.id, name: list.body.name },
		items: list.items,
		states: ACTION_ITEM_STATES
	};
};

export const actions: Actions = {
	state: async (event) => {
		requireActor(event);
		const ctx = event.locals.ctx;
		const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
		const form = await event.request.formData();
		const result = await runAction({}, async () => {
			await setActionItemState(ctx, tenant.id, String(form.get('id') ?? ''), form.get('state'));
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.minutes_action_state_saved() };
	}
};
