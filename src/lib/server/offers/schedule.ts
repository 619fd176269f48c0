/**
 * Times of offers. People enter local time in Europe/Berlin; the database keeps instants.
 * Recurring offers get a weekly RFC 5545 rule (FREQ=WEEKLY;BYDAY=TU,TH) and their first
 * occurrence as start, so an iCalendar feed can use DTSTART + RRULE directly.
 */

import { addDays, berlinDateOf, berlinTimeOf, fromBerlinLocal, isIsoDate } from '../shared';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** "HH:MM" (24 h) → minutes since midnight, or null. */
export function parseTime(s: string): number | null {
	const m = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(s);
	if (!m) return null;
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (h > 23 || min > 59) return null;
	return h * 60 + min;
}

/**
 * Local Berlin time "YYYY-MM-DDTHH:MM" (as a datetime-local field sends it) → instant.
 * A time skipped by the switch to summer time moves forward by the gap, as clocks do.
 */
export function berlinLocalToDate(local: string): Date | null {
	const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2})?$/.exec(local);
	if (!m || !isIsoDate(m[1])) return null;
	const minutes = parseTime(m[2]);
	if (minutes === null) return null;
	const [y, mo, d] = m[1].split('-').map(Number);
	return fromBerlinLocal(y, mo, d, Math.floor(minutes / 60), minutes % 60);
}

/** Instant → local Berlin time "YYYY-MM-DDTHH:MM". */
export function dateToBerlinLocal(d: Date): string {
	return `${berlinDateOf(d)}T${berlinTimeOf(d)}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The first day on or after `from` that falls on one of the weekdays. */
export function firstOccurrence(from: string, weekdays: number[]): string {
	for (let i = 0; i < 7; i++) {
		const day = addDays(from, i);
		if (weekdays.includes(isoWeekday(day))) return day;
	}
	return from;
}

/** The weekdays a dated offer touches, from its first to its last day (at most a week). */
export function weekdaysBetween(start: string, end: string): number[] {
	const out = new Set<number>();
	for (let day = start, i = 0; day <= end && i < 7; day = addDays(day, 1), i++)
		out.add(isoWeekday(day));
	return [...out].sort((a, b) => a - b);
}

/** FREQ=WEEKLY;BYDAY=TU,TH for ISO weekdays [2, 4]. */
export function weeklyRrule(weekdays: number[]): string {
	const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
	return `FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d - 1]).join(',')}`;
}

/** ISO weekdays of a weekly rule (BYDAY), or [] for anything else. */
export function weekdaysOfRrule(rrule: string | null): number[] {
	if (!rrule) return [];
	const byday = /(?:^|;)BYDAY=([A-Z,]+)/.exec(rrule.toUpperCase());
	if (!/(?:^|;)FREQ=WEEKLY(?:;|$)/.test(rrule.toUpperCase()) || !byday) return [];
	return byday[1]
		.split(',')
		.map((c) => BYDAY.indexOf(c as (typeof BYDAY)[number]) + 1)
		.filter((d) => d > 0)
		.sort((a, b) => a - b);
}
