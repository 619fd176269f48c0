/**
 * Translated names of the bodies vocabulary and the cadence in words (server and browser alike),
 * for the signed-in and the public body pages.
 */
import { intlLocale, localeDate, localeDateTime } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';

type Fn = () => string;

const KINDS: Record<string, Fn> = {
	network: m.bodies_kind_network,
	working_group: m.bodies_kind_working_group,
	steering_group: m.bodies_kind_steering_group,
	advisory_council: m.bodies_kind_advisory_council,
	project_group: m.bodies_kind_project_group,
	municipal_network: m.bodies_kind_municipal_network
};
export function bodyKindLabel(kind: string): string {
	return KINDS[kind]?.() ?? kind;
}

const KINDS_PLURAL: Record<string, Fn> = {
	network: m.bodies_kinds_network,
	working_group: m.bodies_kinds_working_group,
	steering_group: m.bodies_kinds_steering_group,
	advisory_council: m.bodies_kinds_advisory_council,
	project_group: m.bodies_kinds_project_group,
	municipal_network: m.bodies_kinds_municipal_network
};
export function bodyKindPluralLabel(kind: string): string {
	return KINDS_PLURAL[kind]?.() ?? kind;
}

const VISIBILITIES: Record<string, Fn> = {
	public: m.bodies_visibility_public,
	network: m.bodies_visibility_network,
	members: m.bodies_visibility_members
};
export function visibilityLabel(v: string): string {
	return VISIBILITIES[v]?.() ?? v;
}
const VISIBILITIES_SHORT: Record<string, Fn> = {
	public: m.bodies_visibility_short_public,
	network: m.bodies_visibility_short_network,
	members: m.bodies_visibility_short_members
};
export function visibilityShortLabel(v: string): string {
	return VISIBILITIES_SHORT[v]?.() ?? v;
}

const ROLES: Record<string, Fn> = {
	speaker: m.bodies_role_speaker,
	moderator: m.bodies_role_moderator,
	member: m.bodies_role_member,
	deputy: m.bodies_role_deputy,
	guest: m.bodies_role_guest
};
export function membershipRoleLabel(role: string): string {
	return ROLES[role]?.() ?? role;
}

const CADENCE_KINDS: Record<string, Fn> = {
	none: m.bodies_cadence_kind_none,
	weeks: m.bodies_cadence_kind_weeks,
	quarterly: m.bodies_cadence_kind_quarterly,
	half_yearly: m.bodies_cadence_kind_half_yearly,
	yearly: m.bodies_cadence_kind_yearly
};
export function cadenceKindLabel(kind: string): string {
	return CADENCE_KINDS[kind]?.() ?? kind;
}

const WEEKDAYS: Fn[] = [
	m.bodies_weekday_1,
	m.bodies_weekday_2,
	m.bodies_weekday_3,
	m.bodies_weekday_4,
	m.bodies_weekday_5,
	m.bodies_weekday_6,
	m.bodies_weekday_7
];
/** ISO weekday 1 = Monday … 7 = Sunday */
export function weekdayLabel(day: number): string {
	return WEEKDAYS[day - 1]?.() ?? String(day);
}
const WEEKDAYS_ADVERB: Fn[] = [
	m.bodies_weekdays_1,
	m.bodies_weekdays_2,
	m.bodies_weekdays_3,
	m.bodies_weekdays_4,
	m.bodies_weekdays_5,
	m.bodies_weekdays_6,
	m.bodies_weekdays_7
];

export interface Cadence {
	cadenceKind: string;
	cadenceMinWeeks: number | null;
	cadenceMaxWeeks: number | null;
	preferredWeekday: number | null;
	preferredTime: string | null;
}

/** E.g. "alle 6–8 Wochen, bevorzugt dienstags 14:00 Uhr". */
export function cadenceText(c: Cadence): string {
	let rhythm: string;
	switch (c.cadenceKind) {
		case 'weeks': {
			const min = c.cadenceMinWeeks ?? 1;
			const max = c.cadenceMaxWeeks ?? min;
			rhythm =
				min === max
					? min === 1
						? m.bodies_cadence_weekly()
						: m.bodies_cadence_weeks_fixed({ weeks: min })
					: m.bodies_cadence_weeks_range({ min, max });
			break;
		}
		case 'quarterly':
			rhythm = m.bodies_cadence_quarterly();
			break;
		case 'half_yearly':
			rhythm = m.bodies_cadence_half_yearly();
			break;
		case 'yearly':
			rhythm = m.bodies_cadence_yearly();
			break;
		default:
			rhythm = m.bodies_cadence_none();
	}
	const day = c.preferredWeekday ? WEEKDAYS_ADVERB[c.preferredWeekday - 1]?.() : undefined;
	const time = c.preferredTime ?? undefined;
	const preferred =
		day && time
			? m.bodies_cadence_day_time({ day, time })
			: day
				? m.bodies_cadence_day({ day })
				: time
					? m.bodies_cadence_time({ time })
					: null;
	return preferred ? `${rhythm}, ${preferred}` : rhythm;
}

const MEETING_STATES: Record<string, Fn> = {
	planned: m.bodies_meeting_state_planned,
	invited: m.bodies_meeting_state_invited,
	held: m.bodies_meeting_state_held,
	cancelled: m.bodies_meeting_state_cancelled
};
export function meetingStateLabel(state: string): string {
	return MEETING_STATES[state]?.() ?? state;
}

const MINUTES_STATES: Record<string, Fn> = {
	none: m.bodies_minutes_state_none,
	draft: m.bodies_minutes_state_draft,
	shared: m.bodies_minutes_state_shared,
	approved: m.bodies_minutes_state_approved,
	published: m.bodies_minutes_state_published
};
export function minutesStateLabel(state: string): string {
	return MINUTES_STATES[state]?.() ?? state;
}

const ACTION_STATES: Record<string, Fn> = {
	open: m.bodies_action_state_open,
	in_progress: m.bodies_action_state_in_progress
};
export function actionStateLabel(state: string): string {
	return ACTION_STATES[state]?.() ?? state;
}

function tag(locale: string) {
	return intlLocale(locale);
}

/** A calendar day (YYYY-MM-DD) as "12.03.2025". */
export function formatDay(day: string, locale: string): string {
	return localeDate(new Date(`${day}T12:00:00Z`), tag(locale), {
		dateStyle: 'medium',
		timeZone: 'UTC'
	});
}

/** A meeting's start, e.g. "Di., 12.03.2025, 14:00", in Europe/Berlin. */
export function formatMeetingStart(d: Date | string, locale: string): string {
	return localeDateTime(new Date(d), tag(locale), {
		weekday: 'short',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Berlin'
	});
}

export interface MeetingPlace {
	locationKind: string;
	location: string | null;
	hostName: string | null;
}
/** Where a meeting takes place, in words. */
export function meetingPlaceText(p: MeetingPlace): string {
	if (p.locationKind === 'online') return m.bodies_place_online();
	const parts: string[] = [];
	if (p.hostName) parts.push(m.bodies_place_host({ host: p.hostName }));
	if (p.location) parts.push(p.location);
	return parts.length > 0 ? parts.join(', ') : m.bodies_place_unknown();
}
