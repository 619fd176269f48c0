import { describe, expect, it } from 'vitest';
import { allowListErrors, auditServiceError, evaluate } from './evaluate.mjs';

/** The shape of `npm audit --omit=dev --json` (npm 7 and newer), shortened. */
const report = {
	auditReportVersion: 2,
	vulnerabilities: {
		'bad-lib': {
			name: 'bad-lib',
			severity: 'high',
			via: [
				{
					source: 1101,
					name: 'bad-lib',
					title: 'Prototype pollution',
					url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
					severity: 'high',
					range: '<2.0.1'
				},
				{
					source: 1102,
					name: 'bad-lib',
					title: 'Slow regular expression',
					url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff',
					severity: 'moderate',
					range: '<2.0.0'
				}
			]
		},
		'uses-bad-lib': { name: 'uses-bad-lib', severity: 'high', via: ['bad-lib'] },
		'worse-lib': {
			name: 'worse-lib',
			severity: 'critical',
			via: [
				{
					source: 1200,
					name: 'worse-lib',
					title: 'Remote code execution',
					url: 'https://github.com/advisories/GHSA-1111-2222-3333',
					severity: 'critical',
					range: '<1.4.0'
				}
			]
		}
	},
	metadata: { vulnerabilities: { moderate: 0, high: 2, critical: 1, total: 3 } }
};

const accept = (id: string, expires: string) => ({
	id,
	package: 'bad-lib',
	reason: 'Only reached through the CSV export, which never passes user input to it.',
	expires
});

describe('evaluate', () => {
	it('blocks every high and critical advisory without an entry, and ignores moderate ones', () => {
		const result = evaluate(report, [], '2026-12-06');
		expect(result.blocking.map((f) => [f.id, f.severity, f.package])).toEqual([
			['GHSA-aaaa-bbbb-cccc', 'high', 'bad-lib'],
			['GHSA-1111-2222-3333', 'critical', 'worse-lib']
		]);
		expect(result.allowed).toEqual([]);
	});

	it('accepts an allowed advisory up to and including its expiry day, then blocks it again', () => {
		const list = [accept('ghsa-aaaa-bbbb-cccc', '2026-12-31')];
		const before = evaluate(report, list, '2026-12-31');
		expect(before.allowed.map((f) => f.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
		expect(before.blocking.map((f) => f.id)).toEqual(['GHSA-1111-2222-3333']);

		const after = evaluate(report, list, '2027-01-01');
		expect(after.allowed).toEqual([]);
		expect(after.expired.map((f) => f.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
	});

	it('reports entries that match no finding, so they are removed', () => {
		const stale = accept('GHSA-9999-9999-9999', '2027-06-30');
		expect(evaluate(report, [stale], '2026-12-06').unused).toEqual([stale]);
		expect(evaluate({ vulnerabilities: {} }, [stale], '2026-12-06')).toEqual({
			blocking: [],
			allowed: [],
			expired: [],
			unused: [stale]
		});
	});
});

describe('allowListErrors', () => {
	it('accepts complete entries', () => {
		expect(allowListErrors([accept('GHSA-aaaa-bbbb-cccc', '2027-01-31')])).toEqual([]);
	});

	it('refuses an entry without id, reason or valid expiry date, and a list that is no list', () => {
		expect(allowListErrors([{ id: 'GHSA-aaaa-bbbb-cccc', reason: 'ok', expires: 'soon' }])).toEqual(
			[
				'audit-allow.json entry 1: "reason" must say why the finding cannot be reached (10 characters or more)',
				'audit-allow.json entry 1: "expires" must be a date YYYY-MM-DD'
			]
		);
		expect(allowListErrors([{ reason: 'x'.repeat(20), expires: '2027-01-01' }])).toEqual([
			'audit-allow.json entry 1: "id" is missing'
		]);
		expect(allowListErrors({})).toEqual(['audit-allow.json must hold a list (JSON array).']);
	});
});

describe('auditServiceError', () => {
	it('tells a failed audit service from a report', () => {
		expect(auditServiceError(report)).toBeUndefined();
		expect(
			auditServiceError({
				message:
					'405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
				statusCode: 405
			})
		).toContain('405');
		expect(auditServiceError(undefined)).toBe('no audit report');
	});
});
