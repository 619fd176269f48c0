import { intlLocale, localeDate, localeTime } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';

/** Labels of answers and times for the invitation pages (client and server). */
export function responseText(response: string | null | undefined): string {
	if (response === 'yes') return m.invitations_response_yes();
	if (response === 'no') return m.invitations_response_no();
	if (response === 'maybe') return m.invitations_response_maybe();
	return m.invitations_response_none();
}

export function responseShort(response: string | null | undefined): string {
	if (response === 'yes') return m.invitations_response_short_yes();
	if (response === 'no') return m.invitations_response_short_no();
	if (response === 'maybe') return m.invitations_response_short_maybe();
	return m.invitations_response_short_none();
}

const TZ = 'Europe/Berlin';

/** "Dienstag, 8. Dezember 2026, 14:00 bis 16:00 Uhr" in the page's language. */
export function whenLabel(start: string | Date, end: string | Date, locale: string): string {
	const tag = intlLocale(locale);
	const s = new Date(start);
	const e = new Date(end);
	const date = (d: Date) =>
		localeDate(d, tag, {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: TZ
		});
	const time = (d: Date) =>
		localeTime(d, tag, {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone: TZ
		});
	if (date(s) === date(e)) {
		return m.invitations_when_same_day({ date: date(s), start: time(s), end: time(e) });
	}
	return m.invitations_when_days({
		startDate: date(s),
		start: time(s),
		endDate: date(e),
		end: time(e)
	});
}
