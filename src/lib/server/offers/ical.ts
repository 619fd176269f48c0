/**
 * iCalendar (RFC 5545) for dated offers: one VEVENT per offer, local times in Europe/Berlin
 * with its VTIMEZONE, RRULE for recurring offers.
 *
 * Own code rather than a library: ical-generator 11 needs Node 22, and 10.x writes a native
 * Date with TZID in the server's own time zone unless luxon/moment/date-fns-tz and a VTIMEZONE
 * package are added. What is needed here (escaping, folding, one time zone) is small; the tests
 * parse the output back with ical.js.
 */
import type { PublicOfferView } from './public';
import { berlinLocal, fromBerlinLocal, TIME_ZONE } from '../shared';

const CRLF = '\r\n';

/**
 * Europe/Berlin since 1996 (EU rules): summer time from the last Sunday of March 02:00 to the
 * last Sunday of October 03:00.
 */
const VTIMEZONE_BERLIN = [
	'BEGIN:VTIMEZONE',
	`TZID:${TIME_ZONE}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/** Escapes a TEXT value (RFC 5545 3.3.11); control characters other than tab are dropped. */
export function escapeText(value: string): string {
	return (
		value
			.replace(/\r\n?/g, '\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\n/g, '\\n')
	);
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1), never inside a UTF-8
 * character; continuation lines start with a space.
 */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	let limit = 75;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = 74; // the leading space counts
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

/** UTC date-time: 20260310T170000Z. */
export function utcStamp(date: Date): string {
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

const FREQS = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const WEEKDAY = /^([+-]?(?:[1-9]|[1-4]\d|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$/;
const RULE_PARTS: Record<string, RegExp> = {
	INTERVAL: /^[1-9]\d{0,2}$/,
	COUNT: /^[1-9]\d{0,3}$/,
	UNTIL: /^\d{8}(T\d{6}Z?)?$/,
	BYMONTH: /^(?:[1-9]|1[0-2])(?:,(?:[1-9]|1[0-2]))*$/,
	BYMONTHDAY: /^[+-]?(?:[1-9]|[12]\d|3[01])(?:,[+-]?(?:[1-9]|[12]\d|3[01]))*$/,
	BYSETPOS: /^[+-]?\d{1,3}(?:,[+-]?\d{1,3})*$/,
	WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/
};
export const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * Parses an RRULE value ("FREQ=WEEKLY;BYDAY=TU,TH") into its parts; null when it is not a rule
 * this module understands (unknown parts, bad values, no FREQ). Keys are upper case.
 */
export function parseRRule(rule: string | null | undefined): Record<string, string> | null {
	if (!rule) return null;
	const body = rule.trim().replace(/^RRULE:/i, '');
	if (body === '' || body.length > 300) return null;
	const parts: Record<string, string> = {};
	for (const piece of body.split(';')) {
		const eq = piece.indexOf('=');
		if (eq <= 0) return null;
		const key = piece.slice(0, eq).trim().toUpperCase();
		const value = piece
			.slice(eq + 1)
			.trim()
			.toUpperCase();
		if (key in parts) return null;
		if (key === 'FREQ') {
			if (!FREQS.has(value)) return null;
		} else if (key === 'BYDAY') {
			if (!value.split(',').every((d) => WEEKDAY.test(d))) return null;
		} else if (!(key in RULE_PARTS) || !RULE_PARTS[key].test(value)) {
			return null;
		}
		parts[key] = value;
	}
	if (!parts.FREQ || (parts.COUNT && parts.UNTIL)) return null;
	return parts;
}

/** End of a day (YYYY-MM-DD) in Berlin, as a UTC stamp for UNTIL. */
function endOfBerlinDay(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return utcStamp(fromBerlinLocal(y, m, d, 23, 59, 59));
}

/** UNTIL as RFC 5545 wants it with a TZID start: a UTC date-time. */
function untilUtc(until: string): string {
	if (/^\d{8}$/.test(until)) {
		return endOfBerlinDay(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`);
	}
	if (until.endsWith('Z')) return until;
	const n = (a: number, b: number) => Number(until.slice(a, b));
	return utcStamp(fromBerlinLocal(n(0, 4), n(4, 6), n(6, 8), n(9, 11), n(11, 13), n(13, 15)));
}

/**
 * The RRULE of a recurring offer: its own rule when valid, else weekly on its weekdays; ends
 * with the offer's "valid to" date at the latest. Null when neither gives a rule.
 */
export function recurrenceRule(offer: {
	rrule: string | null;
	weekdays: number[];
	validTo: string | null;
}): string | null {
	let parts = parseRRule(offer.rrule);
	if (!parts) {
		const days = [...new Set(offer.weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
		if (days.length === 0) return null;
		parts = { FREQ: 'WEEKLY', BYDAY: days.map((d) => ICAL_DAYS[d - 1]).join(',') };
	}
	if (parts.UNTIL) parts.UNTIL = untilUtc(parts.UNTIL);
	if (offer.validTo && !parts.COUNT) {
		const bound = endOfBerlinDay(offer.validTo);
		if (!parts.UNTIL || parts.UNTIL > bound) parts.UNTIL = bound;
	}
	const order = ['FREQ', 'INTERVAL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'BYSETPOS', 'WKST'];
	const keys = [
		...order.filter((k) => k in parts),
		...Object.keys(parts).filter((k) => !order.includes(k))
	];
	return keys.map((k) => `${k}=${parts[k]}`).join(';');
}

export interface CalendarEvent {
	uid: string;
	summary: string;
	description?: string | null;
	location?: string | null;
	/** an http(s) address */
	url?: string | null;
	start: Date;
	end?: Date | null;
	rrule?: string | null;
	lastModified?: Date | null;
}

/** A VCALENDAR with the Berlin VTIMEZONE and the given events, CRLF line ends, folded. */
export function buildCalendar(events: CalendarEvent[], now: Date = new Date()): string {
	const lines: string[] = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Miteinander//Angebote//DE',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...VTIMEZONE_BERLIN
	];
	for (const e of events) {
		lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${utcStamp(now)}`);
		lines.push(`DTSTART;TZID=${TIME_ZONE}:${berlinLocal(e.start)}`);
		if (e.end && e.end > e.start) lines.push(`DTEND;TZID=${TIME_ZONE}:${berlinLocal(e.end)}`);
		if (e.rrule) lines.push(`RRULE:${e.rrule}`);
		lines.push(`SUMMARY:${escapeText(e.summary)}`);
		if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
		if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
		if (e.url && /^https?:\/\/[^\s]+$/.test(e.url)) lines.push(`URL:${e.url}`);
		if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}

/** ISO weekday (1 = Monday) of an instant in Berlin. */
function berlinWeekday(date: Date): number {
	const local = berlinLocal(date);
	const day = new Date(
		Date.UTC(Number(local.slice(0, 4)), Number(local.slice(4, 6)) - 1, Number(local.slice(6, 8)))
	).getUTCDay();
	return day === 0 ? 7 : day;
}

/** The same wall-clock time in Berlin `days` days later (also across a change of summer time). */
export function shiftBerlinDays(date: Date, days: number): Date {
	const l = berlinLocal(date);
	const n = (a: number, b: number) => Number(l.slice(a, b));
	const day = new Date(Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8) + days));
	return fromBerlinLocal(
		day.getUTCFullYear(),
		day.getUTCMonth() + 1,
		day.getUTCDate(),
		n(9, 11),
		n(11, 13),
		n(13, 15)
	);
}

/** Days from `start` to the first day a weekly rule with plain weekdays (BYDAY=TU,TH) produces. */
function daysToFirstWeekday(start: Date, rule: Record<string, string> | null): number {
	if (!rule || rule.FREQ !== 'WEEKLY' || !rule.BYDAY) return 0;
	const days = rule.BYDAY.split(',').map((d) => ICAL_DAYS.indexOf(d as never) + 1);
	if (days.some((d) => d <= 0)) return 0;
	const from = berlinWeekday(start);
	return Math.min(...days.map((d) => (d - from + 7) % 7));
}

/** The stable UID of an offer's event. */
export function offerUid(offerId: string): string {
	return `offer-${offerId}@miteinander`;
}

type DatedOffer = Pick<
	PublicOfferView,
	'id' | 'scheduleKind' | 'startsAt' | 'endsAt' | 'rrule' | 'weekdays' | 'validTo' | 'updatedAt'
>;

/** Whether an offer has dates a calendar can hold (one-off, or recurring with a rule). */
export function hasCalendar(offer: DatedOffer): boolean {
	if (!offer.startsAt) return false;
	if (offer.scheduleKind === 'once') return true;
	return offer.scheduleKind === 'recurring' && recurrenceRule(offer) !== null;
}

/**
 * The event of a dated offer, or null for offers by appointment or without a start. For a
 * recurring offer `startsAt`/`endsAt` are the first occurrence; an end more than a day after
 * the start is not an occurrence's end and is left out.
 */
export function offerEvent(
	offer: DatedOffer,
	text: { summary: string; description?: string | null; location?: string | null; url: string }
): CalendarEvent | null {
	if (!hasCalendar(offer) || !offer.startsAt) return null;
	let start = offer.startsAt;
	let end = offer.endsAt && offer.endsAt > start ? offer.endsAt : null;
	let rrule: string | null = null;
	if (offer.scheduleKind === 'recurring') {
		rrule = recurrenceRule(offer);
		if (end && end.getTime() - start.getTime() > 24 * 3_600_000) end = null;
		// RFC 5545 leaves a start that the rule does not produce undefined: begin on the first
		// day of the rule instead (weekly rules with plain weekdays).
		const shift = daysToFirstWeekday(start, parseRRule(rrule));
		if (shift > 0) {
			start = shiftBerlinDays(start, shift);
			if (end) end = shiftBerlinDays(end, shift);
		}
	}
	return {
		uid: offerUid(offer.id),
		summary: text.summary,
		description: text.description,
		location: text.location,
		url: text.url,
		start,
		end,
		rrule,
		lastModified: offer.updatedAt
	};
}
