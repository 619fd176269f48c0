import { describe, expect, it } from 'vitest';
import { intlLocale } from './intl';
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
});
