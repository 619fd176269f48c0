import type { Actions, PageServerLoad } from './$types';
import { actionItemFilter, listMyActionItems } from '$lib/server/minutes/action-items';
import { setActionItemState } from '$lib/server/minutes/action-item-changes';
import { ACTION_ITEM_STATES } from '$lib/server/minutes/validation';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const filter = actionItemFilter.parse(Object.fromEntries(event.url.searchParams));
	const items = await orNotFound(() => listMyActionItems(ctx, { filter }));
	return { tenant: ctx.tenant, filter, items, states: ACTION_ITEM_STATES };
};

export const actions: Actions = {
	state: formAction(setActionItemState, {
		input: ({ values }) => ({ actionItemId: values.id, state: values.state }),
		onSuccess: () => ({ success: m.minutes_action_state_saved() })
	})
};
