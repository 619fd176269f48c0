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
import type { TenantCtx } from '$lib/server/context';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getMinutesPage(ctx, { meetingId: event.params.meeting }));
	return { tenant: ctx.tenant, page, actionStates: ACTION_ITEM_STATES };
};

type Event = Parameters<Actions[string]>[0];
type Args = Pick<FormArgs<Event>, 'values' | 'params'>;

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
/**
 * An action of this page: `useCase` with the input `input` takes from the form; its errors and
 * its success `message` belong to the page's form `form`.
 */
const minutesAction = <I, R>(
	form: string,
	useCase: (ctx: TenantCtx, input: I) => Promise<R>,
	input: (args: FormArgs<Event>) => I,
	message: () => string
) => formAction(useCase, { form, input, onSuccess: done(form, message) });

export const actions: Actions = {
	attendance: minutesAction('attendance', saveAttendance, withMeeting, m.minutes_attendance_saved),
	addGuest: minutesAction('guest', addGuest, withMeeting, m.minutes_guest_added),
	removeGuest: minutesAction(
		'guests',
		removeGuest,
		({ values, params }) => ({ meetingId: params.meeting, guestId: values.id }),
		m.minutes_guest_removed
	),
	save: minutesAction('minutes', saveMinutes, withMeeting, m.minutes_saved),
	share: minutesAction('state', shareMinutes, withMeeting, m.minutes_shared),
	approve: minutesAction('state', approveMinutes, withMeeting, m.minutes_approved),
	publish: minutesAction('state', publishMinutes, withMeeting, m.minutes_published),
	updateAction: minutesAction('actions', updateActionItem, actionItemOf, m.minutes_action_saved),
	deleteAction: minutesAction('actions', deleteActionItem, actionItemOf, m.minutes_action_deleted),
	actionState: minutesAction(
		'actions',
		setActionItemState,
		actionItemOf,
		m.minutes_action_state_saved
	)
};
