import type { Actions, PageServerLoad } from './$types';
import { getMinutesPage } from '$lib/server/minutes/minutes';
import { saveMinutes } from '$lib/server/minutes/save-minutes';
import { approveMinutes, publishMinutes, shareMinutes } from '$lib/server/minutes/minutes-states';
import { addGuest, removeGuest, saveAttendance } from '$lib/server/minutes/attendance';
import {
	deleteActionItem,
	setActionItemState,
	updateActionItem
} from '$lib/server/minutes/action-item-changes';
import { ACTION_ITEM_STATES } from '$lib/server/minutes/validation';
import { formAction, orNotFound, tenantCtx, type FormArgs } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getMinutesPage(ctx, { meetingId: event.params.meeting }));
	return { tenant: ctx.tenant, page, actionStates: ACTION_ITEM_STATES };
};

type Args = Pick<FormArgs<Parameters<Actions[string]>[0]>, 'values' | 'params'>;

/** The form's values with the meeting from the URL. */
const withMeeting = ({ values, params }: Args) => ({ ...values, meetingId: params.meeting });
/** An action item of this meeting, named by the form's `id`. */
const actionItemOf = ({ values, params }: Args) => ({
	...values,
	meetingId: params.meeting,
	actionItemId: values.id
});
/** Success: the message and which form of the page it belongs to. */
const done = (form: string, success: () => string) => () => ({ success: success(), form });

export const actions: Actions = {
	attendance: formAction(saveAttendance, {
		form: 'attendance',
		input: withMeeting,
		onSuccess: done('attendance', m.minutes_attendance_saved)
	}),
	addGuest: formAction(addGuest, {
		form: 'guest',
		input: withMeeting,
		onSuccess: done('guest', m.minutes_guest_added)
	}),
	removeGuest: formAction(removeGuest, {
		form: 'guests',
		input: ({ values, params }) => ({ meetingId: params.meeting, guestId: values.id }),
		onSuccess: done('guests', m.minutes_guest_removed)
	}),
	save: formAction(saveMinutes, {
		form: 'minutes',
		input: withMeeting,
		onSuccess: done('minutes', m.minutes_saved)
	}),
	share: formAction(shareMinutes, {
		form: 'state',
		input: withMeeting,
		onSuccess: done('state', m.minutes_shared)
	}),
	approve: formAction(approveMinutes, {
		form: 'state',
		input: withMeeting,
		onSuccess: done('state', m.minutes_approved)
	}),
	publish: formAction(publishMinutes, {
		form: 'state',
		input: withMeeting,
		onSuccess: done('state', m.minutes_published)
	}),
	updateAction: formAction(updateActionItem, {
		form: 'actions',
		input: actionItemOf,
		onSuccess: done('actions', m.minutes_action_saved)
	}),
	deleteAction: formAction(deleteActionItem, {
		form: 'actions',
		input: actionItemOf,
		onSuccess: done('actions', m.minutes_action_deleted)
	}),
	actionState: formAction(setActionItemState, {
		form: 'actions',
		input: actionItemOf,
		onSuccess: done('actions', m.minutes_action_state_saved)
	})
};
