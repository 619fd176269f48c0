/**
 * How meetings are written in the pages: dates in words, times, cadences, file types. All in
 * Europe/Berlin, in the page's language.
 */
import { intlLocale, localeDate, localeTime } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';

const TZ = 'Europe/Berlin';

/** A local date 'YYYY-MM-DD' (read as a calendar day) or an instant (read in Berlin). */
function asInstant(value: string | Date): { date: Date; timeZone: string } {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
		return { date: new Date(`${value}T12:00:00Z`), timeZone: 'UTC' };
	return { date: new Date(value), timeZone: TZ };
}

/** "Donnerstag, 11. Juni 2026" */
export function dateInWords(value: string | Date, locale: string): string {
	const { date, timeZone } = asInstant(value);
	return localeDate(date, intlLocale(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone
	});
}

/** "04.06.2026" / "04/06/2026" */
export function shortDate(value: string | Date, locale: string): string {
	const { date, timeZone } = asInstant(value);
	return localeDate(date, intlLocale(locale), {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone
	});
}

/** "18:00" */
export function timeOf(value: string | Date, locale: string): string {
	return localeTime(new Date(value), intlLocale(locale), {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TZ
	});
}

/** "18:00–20:00 Uhr" */
export function timeRange(start: string | Date, end: string | Date, locale: string): string {
	return m.meetings_time_range({ start: timeOf(start, locale), end: timeOf(end, locale) });
}

/** "Do., 11. Juni 2026, 18:00–20:00 Uhr" */
export function whenText(start: string | Date, end: string | Date, locale: string): string {
	return `${dateInWords(start, locale)}, ${timeRange(start, end, locale)}`;
}

/** The meeting's title, or "AK Bildung: Sitzung am 11.06.2026". */
export function meetingHeading(
	title: string | null | undefined,
	body: { name: string; shortName?: string | null },
	startsAt: string | Date,
	locale: string
): string {
	if (title && title.trim()) return title;
	return m.meetings_heading_fallback({
		body: body.shortName || body.name,
		date: shortDate(startsAt, locale)
	});
}

const WEEKDAYS: Record<number, () => string> = {
	1: m.meetings_weekday_1,
	2: m.meetings_weekday_2,
	3: m.meetings_weekday_3,
	4: m.meetings_weekday_4,
	5: m.meetings_weekday_5,
	6: m.meetings_weekday_6,
	7: m.meetings_weekday_7
};

/** "dienstags" */
export function weekdayAdverb(iso: number): string {
	return WEEKDAYS[iso]?.() ?? '';
}

/** "alle 6–8 Wochen", "vierteljährlich" … */
export function cadenceLabel(kind: string, min?: number | null, max?: number | null): string {
	switch (kind) {
		case 'weeks':
			return !max || min === max
				? m.meetings_cadence_weeks_fixed({ weeks: String(min ?? max ?? '') })
				: m.meetings_cadence_weeks({ min: String(min), max: String(max) });
		case 'quarterly':
			return m.meetings_cadence_quarterly();
		case 'half_yearly':
			return m.meetings_cadence_half_yearly();
		case 'yearly':
			return m.meetings_cadence_yearly();
		default:
			return m.meetings_cadence_none();
	}
}

/** "Dezember 2026" for '2026-12'. */
export function monthLabel(month: string, locale: string): string {
	return localeDate(new Date(`${month}-15T12:00:00Z`), intlLocale(locale), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** Weekday names Monday first: long and short forms. */
export function weekdayNames(locale: string): { long: string; short: string }[] {
	// 2026-03-02 is a Monday
	return Array.from({ length: 7 }, (_, i) => {
		const d = new Date(Date.UTC(2026, 2, 2 + i, 12));
		return {
			long: localeDate(d, intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }),
			short: localeDate(d, intlLocale(locale), { weekday: 'short', timeZone: 'UTC' })
		};
	});
}

const FILE_TYPES: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
	'application/vnd.oasis.opendocument.presentation': 'ODP',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
	'text/plain': 'TXT',
	'text/csv': 'CSV',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG'
};

/** "PDF", "DOCX" … */
export function fileTypeLabel(mediaType: string): string {
	return FILE_TYPES[mediaType.split(';')[0].trim()] ?? mediaType;
}

/** "12 KB", "1,4 MB" */
export function sizeLabel(size: number, locale: string): string {
	const fmt = (n: number) => n.toLocaleString(intlLocale(locale), { maximumFractionDigits: 1 });
	if (size < 1024) return `${size} B`;
	if (size < 1024 * 1024) return `${fmt(size / 1024)} KB`;
	return `${fmt(size / 1024 / 1024)} MB`;
}

/** "a=1&b=2" from the entries that are set (null and '' are left out). */
export function queryString(params: Record<string, string | null | undefined>): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
	return q.toString();
}
