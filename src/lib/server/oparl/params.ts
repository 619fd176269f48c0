/**
 * Query parameters of OParl lists: the four date filters, omit_internal and the page; and the
 * date-time format of the output.
 */
import { berlinWallParts } from '../shared';

export const FILTER_PARAMS = [
	'created_since',
	'created_until',
	'modified_since',
	'modified_until'
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export interface ListParams {
	filters: Partial<Record<FilterParam, Date>>;
	/** the filter values as the client gave them (normalised), kept in every link */
	filterText: Partial<Record<FilterParam, string>>;
	omitInternal: boolean;
	page: number;
}

export class BadParameterError extends Error {
	constructor(
		message: string,
		public readonly debug?: Record<string, unknown>
	) {
		super(message);
		this.name = 'BadParameterError';
	}
}

/**
 * A full date-time (RFC 3339, seconds and fraction optional, offset required). A `+` of the
 * offset that the client did not URL-encode arrives as a space; it is read as `+`.
 */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The sane range of a date filter: years 1900 to 9999 (UTC, with any offset applied). */
const EARLIEST = new Date('1899-12-31T10:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59.999Z');

export function parseDateTime(raw: string): Date | null {
	const value = raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
	const m = DATE_TIME.exec(value.replace(/^(.{10})t/, '$1T'));
	if (!m) return null;
	const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
	const offset =
		zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2).padStart(2, '0')}`;
	const ms = frac ? frac.slice(0, 4).padEnd(4, '0') : '.000';
	const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${offset}`);
	if (Number.isNaN(date.getTime())) return null;
	// Reject days that do not exist (2024-02-30 would roll over into March).
	const local = new Date(Date.UTC(Number(y), month - 1, day));
	if (local.getUTCMonth() !== month - 1) return null;
	// Years 1900–9999 only, also after the offset (the database has no year 0 or 10000).
	if (Number(y) < 1900 || date < EARLIEST || date > LATEST) return null;
	return date;
}

export function parseListParams(url: URL): ListParams {
	const filters: ListParams['filters'] = {};
	const filterText: ListParams['filterText'] = {};
	for (const name of FILTER_PARAMS) {
		const raw = url.searchParams.get(name);
		if (raw === null) continue;
		const date = parseDateTime(raw);
		if (!date) {
			throw new BadParameterError(
				`The parameter ${name} must be a full date-time with time zone in the years 1900 to 9999, e.g. 2024-01-01T00:00:00+01:00.`,
				{ parameter: name, value: raw }
			);
		}
		filters[name] = date;
		filterText[name] = formatDateTime(date);
	}
	for (const [since, until] of [
		['created_since', 'created_until'],
		['modified_since', 'modified_until']
	] as const) {
		const a = filters[since];
		const b = filters[until];
		if (a && b && a > b) {
			throw new BadParameterError(`${since} must not be later than ${until}.`, {
				[since]: filterText[since],
				[until]: filterText[until]
			});
		}
	}
	const omit = url.searchParams.get('omit_internal');
	const omitInternal = omit !== null && !['false', '0', 'no'].includes(omit.toLowerCase());
	const rawPage = url.searchParams.get('page');
	let page = 1;
	if (rawPage !== null) {
		if (!/^[1-9]\d{0,8}$/.test(rawPage)) {
			throw new BadParameterError('The parameter page must be a whole number from 1.', {
				parameter: 'page',
				value: rawPage
			});
		}
		page = Number(rawPage);
	}
	return { filters, filterText, omitInternal, page };
}

/** The query string of a list page: filters and omit_internal kept, page given unless 1. */
export function listQuery(params: ListParams, page: number): string {
	const q = new URLSearchParams();
	for (const name of FILTER_PARAMS) {
		const v = params.filterText[name];
		if (v) q.set(name, v);
	}
	if (params.omitInternal) q.set('omit_internal', 'true');
	if (page > 1) q.set('page', String(page));
	const s = q.toString();
	return s ? `?${s}` : '';
}

/** Query string for the single-object URLs (only omit_internal matters there). */
export function objectQuery(url: URL): string {
	const omit = url.searchParams.get('omit_internal');
	return omit !== null && !['false', '0', 'no'].includes(omit.toLowerCase())
		? '?omit_internal=true'
		: '';
}

/**
 * ISO 8601 / RFC 3339 date-time in German local time with its offset, to the millisecond:
 * 2024-03-01T18:00:00.000+01:00.
 */
export function formatDateTime(date: Date): string {
	const parts = berlinWallParts(date);
	const localAsUtc = Date.UTC(
		Number(parts.year),
		Number(parts.month) - 1,
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second)
	);
	const offsetMinutes = Math.round(
		(localAsUtc - (date.getTime() - date.getUTCMilliseconds())) / 60_000
	);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
	const ms = String(date.getUTCMilliseconds()).padStart(3, '0');
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}

/** A calendar date (YYYY-MM-DD) in German local time. */
export function formatDate(date: Date): string {
	return formatDateTime(date).slice(0, 10);
}
