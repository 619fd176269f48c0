import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, DOCUMENT_CSP, SECURITY_HEADERS } from './security-headers.js';

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp.split(';').map((d) => {
			const [name, ...values] = d.trim().split(/\s+/);
			return [name, values] as const;
		})
	);
}

describe('security headers', () => {
	it('every answer gets nosniff, a referrer policy, no framing and a minimal permissions policy', () => {
		const headers = new Headers({ 'content-type': 'application/json' });
		applySecurityHeaders(headers);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
		// not HTML: no document policy added
		expect(headers.has('content-security-policy')).toBe(false);
		expect(Object.keys(SECURITY_HEADERS)).toHaveLength(5);
	});

	it('HTML built by hand (report, concept export) gets the strict document policy', () => {
		const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
		applySecurityHeaders(headers);
		const csp = headers.get('content-security-policy');
		expect(csp).toBe(DOCUMENT_CSP);
		const d = directives(csp!);
		expect(d.get('default-src')).toEqual(["'none'"]);
		expect(d.has('script-src')).toBe(false);
		expect(d.get('frame-ancestors')).toEqual(["'none'"]);
		expect(d.get('form-action')).toEqual(["'none'"]);
		expect(d.get('base-uri')).toEqual(["'none'"]);
	});

	it('keeps a policy the answer brought (kit.csp on pages, sandbox on attachments)', () => {
		const page = new Headers({
			'content-type': 'text/html',
			'content-security-policy': "default-src 'self'"
		});
		applySecurityHeaders(page);
		expect(page.get('content-security-policy')).toBe("default-src 'self'");
	});
});
