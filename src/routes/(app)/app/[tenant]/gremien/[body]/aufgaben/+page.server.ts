import type { Actions, PageServerLoad } from './$types';
import { listBodyActionItems } from '$lib/server/minutes/action-items';
import { setActionItemState } from '$lib/server/minutes/action-item-changes';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const list = await orNotFound(() =>
		listBodyActionItems(ctx, {
			bodyId: event.params.body,
			filter: Object.fromEntries(event.url.searchParams)
		})
	);
	return {
		tenant: ctx.tenant,
		filter: list.filter,
		body: list.body,
		items: list.items,
		states: list.states
	};
};

export const actions: Actions = {
	state: formAction(setActionItemState, {
		input: ({ values, params }) => ({
			bodyId: params.body,
			actionItemId: values.id,
			state: values.state
		}),
		onSuccess: () => ({ success: m.minutes_action_state_saved() })
	})
};
