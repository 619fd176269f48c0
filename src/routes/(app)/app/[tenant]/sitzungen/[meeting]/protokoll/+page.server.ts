import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import {
	approveMinutes,
	getMinutesPage,
	publishMinutes,
	saveMinutes,
	shareMinutes
} from '$lib/server/minutes/minutes';
import { addGuest, removeGuest, saveAttendance } from '$lib/server/minutes/attendance';
import {
	deleteActionItem,
	setActionItemState,
	updateActionItem
} from '$lib/server/minutes/action-items';
import { ACTION_ITEM_STATES } from '$lib/server/meetings/schema';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	requireActor(event);
	return orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant));
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const page = await orNotFound(() =>
		getMinutesPage(event.locals.ctx, tenant.id, event.params.meeting)
	);
	return { tenant, page, actionStates: ACTION_ITEM_STATES };
};

/** Runs a use case for a form of this page; `form` names the form, for errors and success. */
async function act(
	event: RequestEvent,
	formName: string,
	success: string,
	fn: (tenantId: string, values: Record<string, string>) => Promise<unknown>
) {
	const tenant = await tenantFor(event);
	const values = keepValues(await event.request.formData());
	const result = await runAction(values, async () => {
		await fn(tenant.id, values);
		return { ok: true as const };
	});
	if (!('ok' in result)) {
		result.data.values = { ...result.data.values, _form: formName };
		return result;
	}
	return { success, form: formName };
}

export const actions: Actions = {
	attendance: (event) =>
		act(event, 'attendance', m.minutes_attendance_saved(), (tenantId, v) =>
			saveAttendance(event.locals.ctx, tenantId, event.params.meeting, v)
		),
	addGuest: (event) =>
		act(event, 'guest', m.minutes_guest_added(), (tenantId, v) =>
			addGuest(event.locals.ctx, tenantId, event.params.meeting, v)
		),
	removeGuest: (event) =>
		act(event, 'guests', m.minutes_guest_removed(), (tenantId, v) =>
			removeGuest(event.locals.ctx, tenantId, event.params.meeting, v.id ?? '')
		),
	save: (event) =>
		act(event, 'minutes', m.minutes_saved(), (tenantId, v) =>
			saveMinutes(event.locals.ctx, tenantId, event.params.meeting, v)
		),
	share: (event) =>
		act(event, 'state', m.minutes_shared(), (tenantId) =>
			shareMinutes(event.locals.ctx, tenantId, event.params.meeting)
		),
	approve: (event) =>
		act(event, 'state', m.minutes_approved(), (tenantId, v) =>
			approveMinutes(event.locals.ctx, tenantId, event.params.meeting, v)
		),
	publish: (event) =>
		act(event, 'state', m.minutes_published(), (tenantId) =>
			publishMinutes(event.locals.ctx, tenantId, event.params.meeting)
		),
	updateAction: (event) =>
		act(event, 'actions', m.minutes_action_saved(), (tenantId, v) =>
			updateActionItem(event.locals.ctx, tenantId, v.id ?? '', v)
		),
	deleteAction: (event) =>
		act(event, 'actions', m.minutes_action_deleted(), (tenantId, v) =>
			deleteActionItem(event.locals.ctx, tenantId, v.id ?? '')
		),
	actionState: (event) =>
		act(event, 'actions', m.minutes_action_state_saved(), (tenantId, v) =>
			setActionItemState(event.locals.ctx, tenantId, v.id ?? '', v.state)
		)
};
