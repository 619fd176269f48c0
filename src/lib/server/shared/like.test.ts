import { describe, expect, it } from 'vitest';
import { containsPattern } from './like';

describe('containsPattern', () => {
	it('wraps the word and escapes the pattern characters', () => {
		expect(containsPattern('Moos')).toBe('%Moos%');
		expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
	});
});
