/**
 * Times of offers. People enter local time in Europe/Berlin; the database keeps instants.
 * Recurring offers get a weekly RFC 5545 rule (FREQ=WEEKLY;BYDAY=TU,TH) and their first
 * occurrence as start, so an iCalendar feed can use DTSTART + RRULE directly.
 */

const ZONE = 'Europe/Berlin';
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const parts = new Intl.DateTimeFormat('en-US', {
	timeZone: ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function berlinFields(d: Date) {
	const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
	return {
		year: Number(p.year),
		month: Number(p.month),
		day: Number(p.day),
		hour: Number(p.hour) % 24,
		minute: Number(p.minute),
		second: Number(p.second)
	};
}

/** Minutes Europe/Berlin is ahead of UTC at that instant (60 or 120). */
function offsetMinutes(d: Date): number {
	const f = berlinFields(d);
	const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
	return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Whether "YYYY-MM-DD" is a real calendar date. */
export function isDateString(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

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
	if (!m || !isDateString(m[1])) return null;
	const minutes = parseTime(m[2]);
	if (minutes === null) return null;
	const [y, mo, d] = m[1].split('-').map(Number);
	const guess = Date.UTC(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60);
	const first = offsetMinutes(new Date(guess));
	let ts = guess - first * 60000;
	const second = offsetMinutes(new Date(ts));
	if (second !== first) ts = guess - second * 60000;
	return new Date(ts);
}

/** Instant → local Berlin time "YYYY-MM-DDTHH:MM". */
export function dateToBerlinLocal(d: Date): string {
	const f = berlinFields(d);
	return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** Instant → Berlin calendar day "YYYY-MM-DD". */
export function berlinDate(d: Date): string {
	return dateToBerlinLocal(d).slice(0, 10);
}

/** Instant → Berlin clock time "HH:MM". */
export function berlinTime(d: Date): string {
	return dateToBerlinLocal(d).slice(11);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
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
