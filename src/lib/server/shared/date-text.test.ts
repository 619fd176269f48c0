import { describe, expect, it } from 'vitest';
import { dateText, timeText } from './date-text';

describe('dateText', () => {
	it('writes a calendar day in German or English, never as ISO', () => {
		expect(dateText('2027-01-10', 'de')).toBe('10. Januar 2027');
		expect(dateText('2027-01-10', 'de', 'numeric')).toBe('10.01.2027');
		expect(dateText('2027-01-10', 'en')).toBe('10 January 2027');
		expect(dateText('2027-01-10', 'en', 'numeric')).toBe('10/01/2027');
		expect(dateText('2027-01-10', 'de', 'weekday')).toBe('Sonntag, 10. Januar 2027');
	});

	it('takes the Berlin day of an instant (late evening UTC is already the next day)', () => {
		const instant = new Date('2026-12-31T23:30:00Z');
		expect(dateText(instant, 'de', 'numeric')).toBe('01.01.2027');
		expect(timeText(instant, 'de')).toBe('00:30');
	});

	it('refuses what is not a date', () => {
		expect(() => dateText('morgen', 'de')).toThrow();
	});
});
