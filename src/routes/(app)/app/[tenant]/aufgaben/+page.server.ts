import type { Actions, PageServerLoad } from './$types';
import { listMyActionItems } from '$lib/server/minutes/action-items';
import { setActionItemState } from '$lib/server/minutes/action-item-changes';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const list = await orNotFound(() =>
		listMyActionItems(ctx, { filter: Object.fromEntries(event.url.searchParams) })
	);
	return { tenant: ctx.tenant, ...list };
};

export const actions: Actions = {
	state: formAction(setActionItemState, {
		input: ({ values }) => ({ actionItemId: values.id, state: values.state }),
		onSuccess: () => ({ success: m.minutes_action_state_saved() })
	})
};
