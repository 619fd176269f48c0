import { describe, expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime';
import { RESERVED_SLUGS } from './validation';

describe('RESERVED_SLUGS', () => {
	it('keeps every language prefix free, so that /ar/… is never a tenant', () => {
		for (const locale of locales) expect(RESERVED_SLUGS.has(locale), locale).toBe(true);
		expect(RESERVED_SLUGS.has('app')).toBe(true);
		expect(RESERVED_SLUGS.has('landshut')).toBe(false);
	});
});
