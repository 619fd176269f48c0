import { describe, expect, it } from 'vitest';
import { addMonths, waitInWords } from './dates';

describe('waitInWords', () => {
	it('says a short wait in seconds and a long one in whole minutes, in the language', () => {
		expect(waitInWords(1, 'de')).toBe('1 Sekunde');
		expect(waitInWords(29.2, 'de')).toBe('30 Sekunden');
		expect(waitInWords(119, 'en')).toBe('119 seconds');
		expect(waitInWords(121, 'de')).toBe('3 Minuten');
		expect(waitInWords(15 * 60, 'en')).toBe('15 minutes');
	});
});

describe('addMonths', () => {
	it('keeps the day of the month, across the year end and backwards', () => {
		expect(addMonths('2026-12-06', 1)).toBe('2027-01-06');
		expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
		expect(addMonths('2026-05-31', 0)).toBe('2026-05-31');
	});

	it('ends on the last day of a shorter month (§ 188 BGB), leap years included', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
	});
});
