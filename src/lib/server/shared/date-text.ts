/**
 * Dates and times as people read them, in the reader's language (German "10. Januar 2027",
 * "10.01.2027"; English "10 January 2027", "10/01/2027"), always on the Berlin calendar — the one
 * formatter for mails and documents. A calendar day (YYYY-MM-DD) is shown as that day, an
 * instant as its Berlin day or time. Never put an ISO date into text a person reads.
 */
import { intlLocale, localeDate, localeTime } from '$lib/i18n/intl';
import { TIME_ZONE } from './dates';

/** The languages dates are written in (any UI language; unknown ones as German). */
export type DateLocale = string;

/**
 * long: "10. Januar 2027"; numeric: "10.01.2027"; short: "So., 10. Jan. 2027";
 * weekday: "Sonntag, 10. Januar 2027"
 */
export type DateStyle = 'long' | 'numeric' | 'short' | 'weekday';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	long: { day: 'numeric', month: 'long', year: 'numeric' },
	numeric: { day: '2-digit', month: '2-digit', year: 'numeric' },
	short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
	weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
};

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function localeTag(locale: DateLocale | string): string {
	return intlLocale(locale);
}

/** A calendar day (YYYY-MM-DD) or an instant (its Berlin day) as text in the reader's language. */
export function dateText(
	value: string | Date,
	locale: DateLocale | string = 'de',
	style: DateStyle = 'long'
): string {
	let instant: Date;
	let timeZone = TIME_ZONE;
	if (typeof value === 'string') {
		const day = DAY_RE.exec(value);
		if (day) {
			// a calendar day has no time zone: noon UTC of that day, read in UTC
			instant = new Date(Date.UTC(+day[1], +day[2] - 1, +day[3], 12));
			timeZone = 'UTC';
		} else instant = new Date(value);
	} else instant = value;
	if (Number.isNaN(instant.getTime())) throw new Error(`not a date: ${String(value)}`);
	return localeDate(instant, localeTag(locale), { ...STYLES[style], timeZone });
}

/** The Berlin wall-clock time of an instant: "14:00". */
export function timeText(instant: Date, locale: DateLocale | string = 'de'): string {
	return localeTime(instant, localeTag(locale), {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TIME_ZONE
	});
}
