import { describe, expect, it } from 'vitest';
import { waitInWords } from './dates';

describe('waitInWords', () => {
	it('says a short wait in seconds and a long one in whole minutes, in the language', () => {
		expect(waitInWords(1, 'de')).toBe('1 Sekunde');
		expect(waitInWords(29.2, 'de')).toBe('30 Sekunden');
		expect(waitInWords(119, 'en')).toBe('119 seconds');
		expect(waitInWords(121, 'de')).toBe('3 Minuten');
		expect(waitInWords(15 * 60, 'en')).toBe('15 minutes');
	});
});
