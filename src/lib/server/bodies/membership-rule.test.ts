import { describe, expect, it } from 'vitest';
import { berlinToday } from '../shared/dates';
import { isCurrentMembershipRow } from './membership-rule';

describe('current membership on the Berlin calendar day', () => {
	it('at 00:30 in Berlin (23:30 UTC the day before) the Berlin day counts', () => {
		// 2026-03-01 00:30 CET = 2026-02-28 23:30 UTC
		const instant = new Date('2026-02-28T23:30:00Z');
		const day = berlinToday(instant);
		expect(day).toBe('2026-03-01');
		expect(instant.toISOString().slice(0, 10)).toBe('2026-02-28');
		expect(isCurrentMembershipRow({ startDate: '2026-03-01', endDate: null }, day)).toBe(true);
		expect(isCurrentMembershipRow({ startDate: '2025-01-01', endDate: '2026-02-28' }, day)).toBe(
			false
		);
	});

	it('in summer time (UTC+2) too', () => {
		const instant = new Date('2026-06-30T22:15:00Z'); // 00:15 on 1 July in Berlin
		const day = berlinToday(instant);
		expect(day).toBe('2026-07-01');
		expect(isCurrentMembershipRow({ startDate: '2026-07-01', endDate: '2026-07-01' }, day)).toBe(
			true
		);
	});

	it('a membership that has not started yet is not current', () => {
		expect(isCurrentMembershipRow({ startDate: '2026-05-02', endDate: null }, '2026-05-01')).toBe(
			false
		);
	});
});
