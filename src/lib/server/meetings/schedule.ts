/**
 * Proposals for a body's meeting series: the next dates and the next hosts. Pure functions, no
 * database: series.ts feeds them with the body's settings and its meetings.
 *
 * All calendar arithmetic happens on local dates in Europe/Berlin written as 'YYYY-MM-DD'
 * (computed with UTC date maths, so no daylight-saving surprises); only at the very end is the
 * local start time turned into an instant (fromBerlinLocal), so 18:00 stays 18:00 on both sides
 * of the clock change (17:00 UTC in winter, 16:00 UTC in summer).
 *
 * Rules for the dates
 * -------------------
 * Anchor: the start of the body's latest meeting that is not cancelled (held, planned or invited;
 * also the latest of `existing`); with no meeting at all, there is no anchor.
 *
 * weeks (every minWeeks–maxWeeks weeks, e.g. 6–8):
 *   the first preferred weekday on or after anchor + minWeeks·7 days. If that day is blocked (a
 *   public holiday of the Land, a date the coordinator skipped, or a day the body already meets),
 *   the next preferred weekday is taken, and so on: up to anchor + maxWeeks·7 days this keeps
 *   the cadence, after that it is the first free preferred weekday (the proposal is then marked
 *   `beyondMax`). Without an anchor, or when the window already lies in the past, the series
 *   starts at the first preferred weekday after today.
 *
 * quarterly / half_yearly / yearly (once every 3, 6 or 12 months):
 *   the same position in the month 3, 6 or 12 months after the anchor's month: "the n-th
 *   preferred weekday of the month", n = the anchor's week of the month (day 1–7 → 1st, 8–14 →
 *   2nd, 15–21 → 3rd, 22–28 → 4th). An anchor on day 29–31 (e.g. a meeting on 31 January) means
 *   "the last preferred weekday of the month", so month ends never overflow into the next month.
 *   Month arithmetic works on (year, month) pairs, never by adding days. That is how municipal
 *   bodies usually fix their dates ("every quarter, on the second Tuesday"). A blocked day moves
 *   to the next preferred weekday, as above; the pattern of the following proposals stays that of
 *   the anchor (a shift does not drift the series). Periods whose date is not after today are
 *   passed over, keeping the rhythm. Without an anchor, the first proposal is the first preferred
 *   weekday after today and it sets the pattern.
 *
 * Blocked days: the public holidays of the tenant's Land (date-holidays, type 'public' only —
 *   not observances like Mariä Himmelfahrt in most of Bavaria or school days like Buß- und
 *   Bettag), plus Heiligabend (24.12.) and Silvester (31.12.), when municipal offices and most
 *   organisations are closed; dates the coordinator skipped; days with a meeting of the body.
 *   Skipped dates are never proposed; the series continues after them with the next candidate.
 *
 * Each proposal chains on the one before (it becomes the anchor of the next).
 *
 * Rules for the hosts
 * -------------------
 * proposeHost: from the pool of organisations willing to host, the one that hosted least
 * recently (never hosted: first of all), ties in the pool's order (callers sort by name); never
 * the host of the previous meeting while the pool has two or more organisations.
 */
import Holidays from 'date-holidays';
import { addDays, berlinDateOf, berlinInstant, isIsoDate } from '../shared';
import type { CadenceKind } from '../bodies/schema';

// ---------------------------------------------------------------------------------------------
// Local dates

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a value is a real calendar date 'YYYY-MM-DD'. */
export function isLocalDate(value: unknown): value is string {
	return typeof value === 'string' && isIsoDate(value);
}

export function isLocalTime(value: unknown): value is string {
	return typeof value === 'string' && TIME_RE.test(value);
}

function parts(date: string): [number, number, number] {
	const m = DATE_RE.exec(date);
	if (!m) throw new Error(`not a date: ${date}`);
	return [+m[1], +m[2], +m[3]];
}

function fromUtcMs(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(date: string): number {
	const [y, mo, d] = parts(date);
	return Date.UTC(y, mo - 1, d);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
	const d = new Date(toUtcMs(date)).getUTCDay();
	return d === 0 ? 7 : d;
}

/** The first day on or after `date` that falls on the ISO weekday. */
export function onOrAfterWeekday(date: string, weekday: number): string {
	return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/** The n-th (1–4) or last ISO weekday of a month. */
export function nthWeekdayOfMonth(
	year: number,
	month: number,
	weekday: number,
	n: number | 'last'
): string {
	const first = fromUtcMs(Date.UTC(year, month - 1, 1));
	if (n === 'last') {
		const last = fromUtcMs(Date.UTC(year, month, 0)); // day 0 of the next month
		return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
	}
	return addDays(onOrAfterWeekday(first, weekday), (n - 1) * 7);
}

/** The week of the month of a date: 1–4, or 'last' for days 29–31. */
export function weekOfMonth(date: string): number | 'last' {
	const day = parts(date)[2];
	return day > 28 ? 'last' : Math.ceil(day / 7);
}

// ---------------------------------------------------------------------------------------------
// Holidays

type HolidaysInstance = InstanceType<typeof Holidays>;
const holidayCalendars = new Map<string, HolidaysInstance>();
const holidayYears = new Map<string, Map<string, string>>();

/** 24 and 31 December: not public holidays, but offices and most organisations are closed. */
const CLOSED_DAYS: Record<string, string> = { '12-24': 'Heiligabend', '12-31': 'Silvester' };

function holidaysOf(land: string, year: number): Map<string, string> {
	const key = `${land}:${year}`;
	let byDate = holidayYears.get(key);
	if (byDate) return byDate;
	let calendar = holidayCalendars.get(land);
	if (!calendar) {
		calendar = new Holidays('DE', land, { languages: ['de'] });
		holidayCalendars.set(land, calendar);
	}
	byDate = new Map();
	for (const h of calendar.getHolidays(year, 'de')) {
		if (h.type === 'public') byDate.set(h.date.slice(0, 10), h.name);
	}
	for (const [md, name] of Object.entries(CLOSED_DAYS)) {
		const date = `${year}-${md}`;
		if (!byDate.has(date)) byDate.set(date, name);
	}
	holidayYears.set(key, byDate);
	return byDate;
}

/**
 * The German name of the public holiday of the Land (ISO 3166-2 subdivision code without "DE-",
 * e.g. "BY", "NI") on the date, or null. Heiligabend and Silvester count too (see above).
 */
export function holidayOn(land: string, date: string): string | null {
	return holidaysOf(land, parts(date)[0]).get(date) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface Cadence {
	kind: CadenceKind;
	minWeeks?: number | null;
	maxWeeks?: number | null;
}

export interface ProposeDatesInput {
	cadence: Cadence;
	/** ISO weekday 1 = Monday … 7 = Sunday */
	preferredWeekday: number;
	/** local time in Europe/Berlin, 'HH:MM' */
	preferredTime: string;
	durationMinutes: number;
	/** the tenant's Land, e.g. "BY" */
	land: string;
	/** start of the latest meeting that is not cancelled, or null */
	lastMeetingStart: Date | null;
	/** the local date today ('YYYY-MM-DD') or the current instant */
	today: string | Date;
	/** dates the coordinator skipped, 'YYYY-MM-DD' */
	skipped?: readonly string[];
	/** starts of the body's other meetings that are not cancelled (never proposed again) */
	existing?: readonly Date[];
	count: number;
}

/** Why a proposal is not on the day the cadence alone would give. */
export type ShiftReason =
	| { kind: 'holiday'; date: string; name: string }
	| { kind: 'skipped'; date: string }
	| { kind: 'taken'; date: string };

export interface DateProposal {
	/** local date, 'YYYY-MM-DD' */
	date: string;
	startsAt: Date;
	endsAt: Date;
	/** days passed over to get here, in order */
	shifts: ShiftReason[];
	/** weeks cadence only: later than anchor + maxWeeks, because of blocked days */
	beyondMax: boolean;
}

const PERIOD_MONTHS: Partial<Record<CadenceKind, number>> = {
	quarterly: 3,
	half_yearly: 6,
	yearly: 12
};

/** Upper bound of days passed over for one proposal (a year of weeks): a safety net only. */
const MAX_SHIFTS = 53;

/**
 * The next `count` proposed dates of a series (see the rules at the top of this file). Empty for
 * cadence 'none' or unusable settings.
 */
export function proposeDates(input: ProposeDatesInput): DateProposal[] {
	const { cadence, preferredWeekday: weekday, preferredTime, land } = input;
	const count = Math.max(0, Math.min(input.count, 52));
	if (count === 0 || cadence.kind === 'none') return [];
	if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) return [];
	if (!isLocalTime(preferredTime)) return [];
	const today = typeof input.today === 'string' ? input.today : berlinDateOf(input.today);
	const skipped = new Set(input.skipped ?? []);
	const taken = new Set((input.existing ?? []).map(berlinDateOf));
	const starts = [...(input.existing ?? [])];
	if (input.lastMeetingStart) starts.push(input.lastMeetingStart);
	const latest = starts.reduce<Date | null>((a, b) => (!a || b > a ? b : a), null);
	let anchor: string | null = latest ? berlinDateOf(latest) : null;

	const duration = Math.max(1, input.durationMinutes) * 60_000;
	const out: DateProposal[] = [];
	const make = (date: string, shifts: ShiftReason[], beyondMax: boolean): DateProposal => {
		const startsAt = berlinInstant(date, preferredTime);
		return { date, startsAt, endsAt: new Date(startsAt.getTime() + duration), shifts, beyondMax };
	};

	/** From `candidate` on, the first preferred weekday that is not blocked. */
	const firstFree = (candidate: string): { date: string; shifts: ShiftReason[] } | null => {
		const shifts: ShiftReason[] = [];
		let date = candidate;
		for (let i = 0; i <= MAX_SHIFTS; i++) {
			const holiday = holidayOn(land, date);
			if (skipped.has(date)) shifts.push({ kind: 'skipped', date });
			else if (taken.has(date)) shifts.push({ kind: 'taken', date });
			else if (holiday) shifts.push({ kind: 'holiday', date, name: holiday });
			else return { date, shifts };
			date = addDays(date, 7);
		}
		return null;
	};

	if (cadence.kind === 'weeks') {
		const min = cadence.minWeeks ?? 0;
		const max = Math.max(min, cadence.maxWeeks ?? min);
		if (min < 1) return [];
		for (let i = 0; i < count; i++) {
			let earliest = anchor ? addDays(anchor, min * 7) : addDays(today, 1);
			let last = anchor ? addDays(anchor, max * 7) : addDays(earliest, (max - min) * 7);
			if (earliest <= today) {
				earliest = addDays(today, 1);
				if (last < addDays(earliest, (max - min) * 7)) last = addDays(earliest, (max - min) * 7);
			}
			const found = firstFree(onOrAfterWeekday(earliest, weekday));
			if (!found) break;
			out.push(make(found.date, found.shifts, found.date > last));
			anchor = found.date;
		}
		return out;
	}

	const months = PERIOD_MONTHS[cadence.kind];
	if (!months) return [];
	let pattern: number | 'last';
	let year: number;
	let month: number;
	if (anchor) {
		pattern = weekOfMonth(anchor);
		[year, month] = parts(anchor);
		month += months;
	} else {
		// no meeting yet: start with the first preferred weekday after today; it sets the pattern
		const first = onOrAfterWeekday(addDays(today, 1), weekday);
		pattern = weekOfMonth(first);
		[year, month] = parts(first);
	}
	let previous = anchor ?? today;
	for (let guard = 0; out.length < count && guard < count + 200; guard++) {
		year += Math.floor((month - 1) / 12);
		month = ((month - 1) % 12) + 1;
		const nominal = nthWeekdayOfMonth(year, month, weekday, pattern);
		month += months;
		if (nominal <= today || nominal <= previous) continue;
		const found = firstFree(nominal);
		if (!found) break;
		out.push(make(found.date, found.shifts, false));
		previous = found.date;
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Hosts

export interface HostHistoryEntry {
	hostOrganizationId: string | null;
	startsAt: Date;
}

/**
 * The next host from the pool (organisation ids in a stable order, e.g. by name), given the
 * body's past and planned meetings: whoever hosted least recently — never hosted first, ties in
 * pool order — but never the previous meeting's host while the pool has two or more members.
 * Null for an empty pool.
 */
export function proposeHost(
	pool: readonly string[],
	history: readonly HostHistoryEntry[]
): string | null {
	if (pool.length === 0) return null;
	let previous: HostHistoryEntry | null = null;
	const lastHosted = new Map<string, number>();
	for (const h of history) {
		if (!previous || h.startsAt > previous.startsAt) previous = h;
		if (!h.hostOrganizationId) continue;
		const t = h.startsAt.getTime();
		if ((lastHosted.get(h.hostOrganizationId) ?? -Infinity) < t)
			lastHosted.set(h.hostOrganizationId, t);
	}
	const previousHost = previous?.hostOrganizationId ?? null;
	const candidates = pool.length >= 2 ? pool.filter((id) => id !== previousHost) : pool;
	let best: string | null = null;
	let bestTime = Infinity;
	for (const id of candidates) {
		const t = lastHosted.get(id) ?? -Infinity;
		if (best === null || t < bestTime) {
			best = id;
			bestTime = t;
		}
	}
	return best;
}

/**
 * Hosts for several proposed dates in a row: each proposal counts as hosted by its proposed
 * host for the ones after it.
 */
export function proposeHostSequence(
	pool: readonly string[],
	history: readonly HostHistoryEntry[],
	dates: readonly Date[]
): (string | null)[] {
	const running = [...history];
	return dates.map((startsAt) => {
		const host = proposeHost(pool, running);
		running.push({ hostOrganizationId: host, startsAt });
		return host;
	});
}
