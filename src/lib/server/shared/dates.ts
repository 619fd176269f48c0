/**
 * Calendar days and wall-clock times in Europe/Berlin — the one implementation. A "day" is always
 * the Berlin day, computed here and passed to SQL as a parameter, never the database's own
 * current date, which follows the session's time zone (UTC on most servers and PGlite).
 */
import { sql, type SQL } from 'drizzle-orm';

export const TIME_ZONE = 'Europe/Berlin';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});
const wallFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** The Berlin calendar day of an instant (default: now) as YYYY-MM-DD. */
export function berlinDateOf(instant: Date = new Date()): string {
	return dayFormat.format(instant);
}

/** Today in Europe/Berlin as YYYY-MM-DD. */
export function berlinToday(now: Date = new Date()): string {
	return berlinDateOf(now);
}

/** Today in Europe/Berlin as an SQL `date` parameter (computed here, not by the database). */
export function berlinTodaySql(now: Date = new Date()): SQL {
	return sql`${berlinToday(now)}::date`;
}

/** The Berlin wall-clock time of an instant, HH:MM. */
export function berlinTimeOf(instant: Date): string {
	return timeFormat.format(instant);
}

/** The Berlin wall-clock parts of an instant: year, month, day, hour, minute, second (zero-padded). */
export function berlinWallParts(instant: Date): Record<string, string> {
	return Object.fromEntries(wallFormat.formatToParts(instant).map((x) => [x.type, x.value]));
}

/** The Berlin wall-clock time of an instant as YYYYMMDDTHHMMSS (iCalendar local form). */
export function berlinLocal(instant: Date): string {
	const p = berlinWallParts(instant);
	return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** The instant of a Berlin wall-clock time (the later one when ambiguous, an hour on when skipped). */
export function fromBerlinLocal(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0
): Date {
	const wall = Date.UTC(year, month - 1, day, hour, minute, second);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	const expected = `${pad(year, 4)}${pad(month)}${pad(day)}T${pad(hour)}${pad(minute)}${pad(second)}`;
	for (const offsetHours of [1, 2]) {
		const guess = new Date(wall - offsetHours * 3_600_000);
		if (berlinLocal(guess) === expected) return guess;
	}
	return new Date(wall - 3_600_000);
}

function parts(date: string): [number, number, number] {
	const m = DATE_RE.exec(date);
	if (!m) throw new Error(`not a date: ${date}`);
	return [+m[1], +m[2], +m[3]];
}

/** 00:00 of a Berlin calendar day as an instant. */
export function berlinMidnight(day: string): Date {
	const [y, mo, d] = parts(day);
	return fromBerlinLocal(y, mo, d);
}

/** The instant of a Berlin date (YYYY-MM-DD) and time (HH:MM). */
export function berlinInstant(date: string, time: string): Date {
	const [y, mo, d] = parts(date);
	const t = TIME_RE.exec(time);
	if (!t) throw new Error(`not a time: ${time}`);
	return fromBerlinLocal(y, mo, d, +t[1], +t[2]);
}

/** A calendar day plus n days (n may be negative), YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
	const [y, mo, d] = parts(date);
	return new Date(Date.UTC(y, mo - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A calendar day plus n months, YYYY-MM-DD; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February), as § 188 BGB counts a period of months.
 */
export function addMonths(date: string, months: number): string {
	const [y, mo, d] = parts(date);
	const first = new Date(Date.UTC(y, mo - 1 + months, 1));
	const lastDay = new Date(
		Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)
	).getUTCDate();
	first.setUTCDate(Math.min(d, lastDay));
	return first.toISOString().slice(0, 10);
}

/** Whether a string is a real calendar day YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return (
		date.getUTCFullYear() === +m[1] &&
		date.getUTCMonth() === +m[2] - 1 &&
		date.getUTCDate() === +m[3]
	);
}

/**
 * A wait as words in the given language ("30 Sekunden", "1 minute"): seconds below two minutes,
 * else whole minutes rounded up, so that the person never comes back too early.
 */
export function waitInWords(seconds: number, locale: string): string {
	const s = Math.max(1, Math.ceil(seconds));
	const [value, unit] = s < 120 ? [s, 'second'] : [Math.ceil(s / 60), 'minute'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
