/**
 * Translated names of the vocabularies used by the needs, coverage and exchange pages
 * (server and browser alike).
 */
import { m } from '$lib/paraglide/messages';
import type { Choice } from '../field-ids';

type Fn = () => string;

/** The target groups of needs; participation names `all` differently and takes the rest. */
export const TARGET_GROUPS: Record<string, Fn> = {
	all: m.needs_target_group_all,
	children: m.needs_target_group_children,
	youth: m.needs_target_group_youth,
	young_adults: m.needs_target_group_young_adults,
	women: m.needs_target_group_women,
	men: m.needs_target_group_men,
	parents: m.needs_target_group_parents,
	families: m.needs_target_group_families,
	seniors: m.needs_target_group_seniors,
	refugees: m.needs_target_group_refugees,
	newcomers: m.needs_target_group_newcomers,
	skilled_workers: m.needs_target_group_skilled_workers,
	volunteers: m.needs_target_group_volunteers
};
export function targetGroupLabel(key: string): string {
	return TARGET_GROUPS[key]?.() ?? key;
}

const SOURCES: Record<string, Fn> = {
	working_group: m.needs_source_working_group,
	dialogue: m.needs_source_dialogue,
	inquiry: m.needs_source_inquiry,
	statistics: m.needs_source_statistics,
	counselling: m.needs_source_counselling,
	other: m.needs_source_other
};
export function sourceLabel(key: string): string {
	return SOURCES[key]?.() ?? key;
}

const URGENCIES: Record<string, Fn> = {
	low: m.needs_urgency_low,
	medium: m.needs_urgency_medium,
	high: m.needs_urgency_high
};
export function urgencyLabel(key: string): string {
	return URGENCIES[key]?.() ?? key;
}

const STATUSES: Record<string, Fn> = {
	open: m.needs_status_open,
	covered: m.needs_status_covered,
	closed: m.needs_status_closed
};
export function needStatusLabel(key: string): string {
	return STATUSES[key]?.() ?? key;
}

const SCHEDULES: Record<string, Fn> = {
	once: m.transfer_schedule_once,
	recurring: m.transfer_schedule_recurring,
	appointment: m.transfer_schedule_appointment
};
export function scheduleLabel(key: string): string {
	return SCHEDULES[key]?.() ?? key;
}

const OFFER_STATUSES: Record<string, Fn> = {
	draft: m.transfer_status_draft,
	in_review: m.transfer_status_in_review,
	published: m.transfer_status_published,
	archived: m.transfer_status_archived
};
export function offerStatusLabel(key: string): string {
	return OFFER_STATUSES[key]?.() ?? key;
}

const displayNames = new Map<string, Intl.DisplayNames>();
/** A language's name in the UI language (ISO 639-1 code; "dgs" is German Sign Language). */
export function languageLabel(code: string, locale: string): string {
	if (code === 'dgs') return m.needs_language_dgs();
	let names = displayNames.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'language' });
		displayNames.set(locale, names);
	}
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

/** The choices of languages, named and sorted by name in the UI language. */
export function languageChoices(codes: readonly string[], locale: string): Choice[] {
	return codes
		.map((code) => ({ value: code, label: languageLabel(code, locale) }))
		.sort((a, b) => a.label.localeCompare(b.label));
}
