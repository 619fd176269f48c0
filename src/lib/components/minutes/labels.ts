import { intlLocale, localeDate } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';

const MINUTES_STATES: Record<string, () => string> = {
	none: m.minutes_state_none,
	draft: m.minutes_state_draft,
	shared: m.minutes_state_shared,
	approved: m.minutes_state_approved,
	published: m.minutes_state_published
};
export function minutesStateLabel(state: string): string {
	return MINUTES_STATES[state]?.() ?? state;
}

const ATTENDANCE: Record<string, () => string> = {
	present: m.minutes_attendance_present,
	excused: m.minutes_attendance_excused,
	absent: m.minutes_attendance_absent
};
export function attendanceLabel(status: string): string {
	return ATTENDANCE[status]?.() ?? status;
}

const ACTION_STATES: Record<string, () => string> = {
	open: m.minutes_action_state_open,
	in_progress: m.minutes_action_state_in_progress,
	done: m.minutes_action_state_done,
	cancelled: m.minutes_action_state_cancelled
};
export function actionStateLabel(state: string): string {
	return ACTION_STATES[state]?.() ?? state;
}

/** A due date (YYYY-MM-DD) in the reader's language. */
export function formatDay(date: string, locale: string): string {
	return localeDate(new Date(`${date}T12:00:00Z`), intlLocale(locale), {
		dateStyle: 'medium',
		timeZone: 'Europe/Berlin'
	});
}
