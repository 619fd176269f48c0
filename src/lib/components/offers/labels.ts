/**
 * Labels of the offers vocabularies in the UI language (shared by the organisation, offer and
 * review pages). Language names come from Intl.DisplayNames.
 */
import { intlLocale, languageNames, localeDateTime, localeTime } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Values of a submitted form (as in $lib/server/organizations/common). */
export type FormValues = Record<string, string | string[]>;

type Fn = () => string;

const STATUS: Record<string, Fn> = {
	draft: m.offers_status_draft,
	in_review: m.offers_status_in_review,
	published: m.offers_status_published,
	archived: m.offers_status_archived
};
export const statusLabel = (s: string) => STATUS[s]?.() ?? s;

const REVISION_STATUS: Record<string, Fn> = {
	pending: m.offers_revision_pending,
	approved: m.offers_revision_approved,
	rejected: m.offers_revision_rejected,
	superseded: m.offers_revision_superseded
};
export const revisionStatusLabel = (s: string) => REVISION_STATUS[s]?.() ?? s;

const TARGET_GROUPS: Record<string, Fn> = {
	all: m.offers_target_group_all,
	children: m.offers_target_group_children,
	youth: m.offers_target_group_youth,
	young_adults: m.offers_target_group_young_adults,
	women: m.offers_target_group_women,
	men: m.offers_target_group_men,
	parents: m.offers_target_group_parents,
	families: m.offers_target_group_families,
	seniors: m.offers_target_group_seniors,
	refugees: m.offers_target_group_refugees,
	newcomers: m.offers_target_group_newcomers,
	skilled_workers: m.offers_target_group_skilled_workers,
	volunteers: m.offers_target_group_volunteers
};
export const targetGroupLabel = (k: string) => TARGET_GROUPS[k]?.() ?? k;

const LOCATION: Record<string, Fn> = {
	place: m.offers_location_place,
	mobile: m.offers_location_mobile,
	online: m.offers_location_online
};
export const locationKindLabel = (k: string) => LOCATION[k]?.() ?? k;

const SCHEDULE: Record<string, Fn> = {
	once: m.offers_schedule_once,
	recurring: m.offers_schedule_recurring,
	appointment: m.offers_schedule_appointment
};
export const scheduleKindLabel = (k: string) => SCHEDULE[k]?.() ?? k;

const COST: Record<string, Fn> = { free: m.offers_cost_free, paid: m.offers_cost_paid };
export const costKindLabel = (k: string) => COST[k]?.() ?? k;

const STATES: Record<string, Fn> = {
	original: m.offers_translation_original,
	draft: m.offers_translation_draft,
	reviewed: m.offers_translation_reviewed,
	outdated: m.offers_translation_outdated
};
export const translationStateLabel = (k: string) => STATES[k]?.() ?? k;

const WEEKDAYS: Fn[] = [
	m.offers_weekday_1,
	m.offers_weekday_2,
	m.offers_weekday_3,
	m.offers_weekday_4,
	m.offers_weekday_5,
	m.offers_weekday_6,
	m.offers_weekday_7
];
export const weekdayLabel = (d: number) => WEEKDAYS[d - 1]?.() ?? String(d);

/** A language's name in the UI language ("Arabisch" / "Arabic"); DGS has no ISO 639-1 code. */
export function languageLabel(code: string): string {
	if (code === 'dgs') return m.offers_language_dgs();
	try {
		return languageNames(getLocale()).of(code) ?? code;
	} catch {
		return code;
	}
}

/** A content language's name in itself and in the UI language, e.g. "العربية (Arabisch)". */
export function localeLabel(code: string): string {
	let own: string;
	try {
		own = languageNames(code).of(code) ?? code;
	} catch {
		own = code;
	}
	const ui = languageLabel(code);
	return own === ui ? ui : `${ui} (${own})`;
}

export const boolLabel = (b: boolean | null) =>
	b === null ? m.offers_unknown() : b ? m.common_yes() : m.common_no();

function dateFmt(d: string | Date, withTime: boolean) {
	const date =
		typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)
			? new Date(`${d}T12:00:00Z`)
			: new Date(d);
	return localeDateTime(date, intlLocale(getLocale()), {
		dateStyle: 'medium',
		...(withTime ? { timeStyle: 'short' } : {}),
		timeZone: 'Europe/Berlin'
	});
}
export const formatDay = (d: string | Date) => dateFmt(d, false);
export const formatDayTime = (d: string | Date) => dateFmt(d, true);

/** One value of the form: a string (first of a list). */
export function val(values: FormValues, name: string): string {
	const v = values[name];
	return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** A checkbox group's values. */
export function vals(values: FormValues, name: string): string[] {
	const v = values[name];
	return Array.isArray(v) ? v : v ? [v] : [];
}

/** Clock time in Berlin, e.g. 15:00. */
export function formatTime(d: string | Date): string {
	return localeTime(new Date(d), intlLocale(getLocale()), {
		timeStyle: 'short',
		timeZone: 'Europe/Berlin'
	});
}
