import { describe, expect, it } from 'vitest';
import { DEMO_ACCENTS } from '../demo/branding';
import { accentOf, brandingInput, contrastRatio, DEFAULT_ACCENT, normalizeHex } from './branding';

describe('accent colour', () => {
	it('computes the WCAG contrast ratio', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		// #767676 is the lightest grey that passes AA on white
		expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
	});

	it('reads hex colours with or without # and in short form', () => {
		expect(normalizeHex('#0B5CAD')).toBe('#0b5cad');
		expect(normalizeHex('0b5cad')).toBe('#0b5cad');
		expect(normalizeHex('#08c')).toBe('#0088cc');
		expect(normalizeHex('blue')).toBeNull();
		expect(normalizeHex('#12345')).toBeNull();
	});

	it('accepts a dark colour, refuses a light one or a non-colour with a message key', () => {
		expect(brandingInput.parse({ accentColor: '#8A1C1C' })).toEqual({ accentColor: '#8a1c1c' });
		expect(brandingInput.parse({ accentColor: '' })).toEqual({ accentColor: undefined });
		const light = brandingInput.safeParse({ accentColor: '#ffcc00' });
		expect(light.success).toBe(false);
		expect(light.error?.issues[0].message).toBe('brand_error_accent_contrast');
		const junk = brandingInput.safeParse({ accentColor: 'rot' });
		expect(junk.error?.issues[0].message).toBe('brand_error_accent_format');
	});

	it('falls back to the site colour when none (or a stored one that fails) is set', () => {
		expect(accentOf({})).toBe(DEFAULT_ACCENT);
		expect(accentOf({ accentColor: '#ffff00' })).toBe(DEFAULT_ACCENT);
		expect(accentOf({ accentColor: '#1f5130' })).toBe('#1f5130');
	});

	it('the demo networks’ colours pass AA against white', () => {
		for (const [slug, hex] of Object.entries(DEMO_ACCENTS))
			expect(contrastRatio(hex, '#ffffff'), slug).toBeGreaterThanOrEqual(4.5);
	});
});
