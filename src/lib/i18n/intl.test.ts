import { describe, expect, it } from 'vitest';
import { intlLocale, localeDate, localeDateTime, localeTime, dateTimeFormat } from './intl';
import { dateText } from '$lib/server/shared/date-text';

describe('dates and numbers in the reader’s form', () => {
	it('writes a day in each language, always on the Gregorian calendar', () => {
		expect(dateText('2027-01-10', 'de')).toBe('10. Januar 2027');
		expect(dateText('2027-01-10', 'en')).toBe('10 January 2027');
		expect(dateText('2027-01-10', 'uk')).toMatch(/^10 січня 2027/);
		expect(dateText('2027-01-10', 'tr')).toBe('10 Ocak 2027');
		expect(dateText('2027-01-10', 'ar')).toContain('يناير');
		// Persian digits and month name, but 2027, not the solar year 1405
		expect(dateText('2027-01-10', 'fa')).toContain('۲۰۲۷');
		expect(dateText('2027-01-10', 'fa')).not.toContain('۱۴۰۵');
	});

	it('formats numbers by the locale; unknown languages as German', () => {
		expect((1234.5).toLocaleString(intlLocale('de'))).toBe('1.234,5');
		expect((1234.5).toLocaleString(intlLocale('en'))).toBe('1,234.5');
		expect((1234.5).toLocaleString(intlLocale('fa'))).toBe('۱٬۲۳۴٫۵');
		expect(intlLocale('xx')).toBe('de-DE');
	});

	it('cached formatters write exactly what toLocale…String writes, for every option set used', () => {
		const d = new Date('2027-03-28T01:30:00Z');
		const optionSets: Intl.DateTimeFormatOptions[] = [
			{},
			{ dateStyle: 'medium', timeZone: 'Europe/Berlin' },
			{ dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' },
			{ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Berlin' },
			{ hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' },
			{ timeZone: 'UTC' },
			{ month: 'long', year: 'numeric', timeZone: 'UTC' }
		];
		for (const lang of ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru']) {
			const tag = intlLocale(lang);
			for (const o of optionSets) {
				if (!o.timeStyle) expect(localeDate(d, tag, o)).toBe(d.toLocaleDateString(tag, o));
				if (!o.dateStyle || o.timeStyle)
					expect(localeDateTime(d, tag, o)).toBe(d.toLocaleString(tag, o));
				if (!o.dateStyle && !o.weekday && !o.month)
					expect(localeTime(d, tag, o)).toBe(d.toLocaleTimeString(tag, o));
			}
		}
		expect(dateTimeFormat('de-DE', { timeZone: 'UTC' })).toBe(
			dateTimeFormat('de-DE', { timeZone: 'UTC' })
		);
	});
});
