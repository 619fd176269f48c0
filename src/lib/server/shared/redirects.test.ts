import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirects';

const origin = 'https://miteinander.example';

describe('safeRedirectPath', () => {
	it.each([
		['/app', '/app'],
		['/app/landshut/vorlagen?q=Kita&seite=2', '/app/landshut/vorlagen?q=Kita&seite=2'],
		['/landshut/angebote#treffer', '/landshut/angebote#treffer'],
		['/', '/'],
		['/app/landshut/vorlagen?q=Stra%C3%9Fe', '/app/landshut/vorlagen?q=Stra%C3%9Fe']
	])('keeps the same-origin path %s', (target, expected) => {
		expect(safeRedirectPath(target, origin, '/fallback')).toBe(expected);
	});

	it.each([
		['a tab after the slash (issue 16)', '/\t/evil.example/x'],
		['a tab in the middle', '/app\t/x'],
		['a newline', '/app\n/x'],
		['a carriage return', '/app\r\nSet-Cookie: x=1'],
		['a NUL', '/app\u0000'],
		['DEL', '/app\u007f'],
		['scheme-relative', '//evil.example/x'],
		['a backslash after the slash', '/\\evil.example'],
		['a backslash later', '/app\\..\\\\evil.example'],
		['javascript:', 'javascript:alert(1)'],
		['an absolute URL', 'https://evil.example/x'],
		['an absolute URL of the own origin with scheme', 'https://miteinander.example/app'],
		['a relative path', 'app/landshut'],
		['non-ASCII', '/app/lä'],
		['a non-ASCII slash look-alike', '/\u2215evil.example'],
		['a full-width solidus', '/\uff0fevil.example'],
		['empty', ''],
		['a raw tab at the end', '/app/x\u0009'],
		['an encoded tab (still encoded once more)', '/%09/evil.example/x'],
		['an encoded newline', '/app%0A/x'],
		['an encoded NUL', '/app%00'],
		['an encoded backslash', '/%5Cevil.example'],
		['an encoded second slash', '/%2Fevil.example'],
		['an undecodable escape', '/app/%E0%A4%A']
	])('refuses %s', (_label, target) => {
		expect(safeRedirectPath(target, origin, '/fallback')).toBe('/fallback');
	});

	it('refuses non-strings and null', () => {
		expect(safeRedirectPath(null, origin, '/app')).toBe('/app');
		expect(safeRedirectPath(undefined, origin, '/app')).toBe('/app');
		expect(safeRedirectPath(['/app/x'], origin, '/app')).toBe('/app');
	});
});
