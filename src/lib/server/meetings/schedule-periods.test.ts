import { describe, expect, it } from 'vitest';
import { proposeDates, proposeHost, proposeHostSequence, type ProposeDatesInput } from './schedule';
import { addDays } from '../shared';

import { at, dates, weeks } from './schedule-testing';

describe('proposeDates: quarterly, half-yearly, yearly', () => {
	const period = (overrides: Partial<ProposeDatesInput> = {}) =>
		weeks({
			cadence: { kind: 'quarterly' },
			preferredWeekday: 2,
			preferredTime: '14:00',
			lastMeetingStart: at('2026-03-10', '14:00'),
			today: '2026-03-11',
			...overrides
		});

	it('keeps the week of the month: second Tuesday every quarter, over the year end', () => {
		expect(dates(period({ count: 4 }))).toEqual([
			'2026-06-09',
			'2026-09-08',
			'2026-12-08',
			'2027-03-09'
		]);
	});

	it('half-yearly and yearly', () => {
		expect(dates(period({ cadence: { kind: 'half_yearly' }, count: 2 }))).toEqual([
			'2026-09-08',
			'2027-03-09'
		]);
		expect(dates(period({ cadence: { kind: 'yearly' }, count: 2 }))).toEqual([
			'2027-03-09',
			'2028-03-14'
		]);
	});

	it('a last meeting on 31 January means the last weekday of the month, never an overflow', () => {
		const saturday = period({
			preferredWeekday: 6,
			lastMeetingStart: at('2026-01-31', '10:00'),
			today: '2026-02-01',
			count: 4,
			land: 'BY'
		});
		expect(dates(saturday)).toEqual(['2026-04-25', '2026-07-25', '2026-10-31', '2027-01-30']);
		// the same in Lower Saxony: 31 October is Reformationstag, the next Saturday is in November
		const [, , oct] = proposeDates({ ...saturday, land: 'NI' });
		expect(oct.date).toBe('2026-11-07');
		expect(oct.shifts).toEqual([{ kind: 'holiday', date: '2026-10-31', name: 'Reformationstag' }]);
		// a Tuesday series anchored on 31 January: the last Tuesday of April
		expect(dates(period({ lastMeetingStart: at('2026-01-31'), today: '2026-02-01' }))).toEqual([
			'2026-04-28'
		]);
		// February has no fifth week: the last Tuesday of February
		expect(
			dates(
				period({
					lastMeetingStart: at('2025-11-30'),
					today: '2025-12-01'
				})
			)
		).toEqual(['2026-02-24']);
	});

	it('a holiday moves a proposal by a week, but the pattern of the series stays', () => {
		// first Thursday in June 2026 is Fronleichnam in Bavaria
		const input = period({
			preferredWeekday: 4,
			lastMeetingStart: at('2026-03-05'),
			today: '2026-03-06',
			count: 2
		});
		const [june, sept] = proposeDates(input);
		expect(june.date).toBe('2026-06-11');
		expect(june.shifts[0]).toMatchObject({ name: 'Fronleichnam' });
		expect(sept.date).toBe('2026-09-03');
	});

	it('periods that are already past are passed over, keeping the rhythm', () => {
		expect(
			dates(period({ lastMeetingStart: at('2024-02-13'), today: '2026-03-01', count: 2 }))
		).toEqual(['2026-05-12', '2026-08-11']);
	});

	it('without a last meeting: the first preferred weekday after today, then the same pattern', () => {
		expect(dates(period({ lastMeetingStart: null, today: '2026-03-04', count: 2 }))).toEqual([
			'2026-03-10',
			'2026-06-09'
		]);
	});

	it('skipped dates move to the next week within the period', () => {
		const [p, q] = proposeDates(period({ skipped: ['2026-06-09'], count: 2 }));
		expect(p.date).toBe('2026-06-16');
		expect(p.shifts).toEqual([{ kind: 'skipped', date: '2026-06-09' }]);
		expect(q.date).toBe('2026-09-08');
	});

	it('converts to UTC by the season of each date', () => {
		const [june, sept, dec] = proposeDates(period({ count: 3 }));
		expect(june.startsAt.toISOString()).toBe('2026-06-09T12:00:00.000Z');
		expect(sept.startsAt.toISOString()).toBe('2026-09-08T12:00:00.000Z');
		expect(dec.startsAt.toISOString()).toBe('2026-12-08T13:00:00.000Z');
	});
});

describe('proposeHost', () => {
	const pool = ['a', 'b', 'c', 'd'];

	it('starts with those who never hosted, in pool order', () => {
		expect(proposeHost(pool, [])).toBe('a');
		expect(proposeHost(pool, [{ hostOrganizationId: 'a', startsAt: at('2026-01-01') }])).toBe('b');
	});

	it('takes whoever hosted least recently', () => {
		const history = [
			{ hostOrganizationId: 'a', startsAt: at('2025-01-10') },
			{ hostOrganizationId: 'b', startsAt: at('2025-03-10') },
			{ hostOrganizationId: 'c', startsAt: at('2025-05-10') },
			{ hostOrganizationId: 'd', startsAt: at('2025-07-10') },
			{ hostOrganizationId: 'a', startsAt: at('2025-09-10') }
		];
		expect(proposeHost(pool, history)).toBe('b');
	});

	it('ignores meetings without a host and hosts outside the pool', () => {
		const history = [
			{ hostOrganizationId: 'x', startsAt: at('2025-01-10') },
			{ hostOrganizationId: null, startsAt: at('2025-02-10') },
			{ hostOrganizationId: 'a', startsAt: at('2025-03-10') }
		];
		expect(proposeHost(['a', 'b'], history)).toBe('b');
		expect(proposeHost([], history)).toBeNull();
	});

	it('never the previous host twice in a row while the pool has two or more', () => {
		// b hosted long ago and also the last meeting (order given unsorted)
		const history = [
			{ hostOrganizationId: 'b', startsAt: at('2026-05-01') },
			{ hostOrganizationId: 'a', startsAt: at('2026-03-01') }
		];
		expect(proposeHost(['a', 'b'], history)).toBe('a');
		// with one organisation in the pool it is that one, every time
		expect(proposeHost(['b'], history)).toBe('b');
	});

	it('a newcomer to the pool is next', () => {
		const history = pool.map((id, i) => ({
			hostOrganizationId: id,
			startsAt: at(`2025-0${i + 1}-15`)
		}));
		expect(proposeHost([...pool, 'e'], history)).toBe('e');
	});

	it('is fair over 12 rounds: counts differ by at most one, nobody twice in a row', () => {
		const histories = [
			[],
			[{ hostOrganizationId: 'c', startsAt: at('2026-01-01') }],
			[
				{ hostOrganizationId: 'a', startsAt: at('2025-01-01') },
				{ hostOrganizationId: 'a', startsAt: at('2025-03-01') },
				{ hostOrganizationId: 'a', startsAt: at('2025-05-01') },
				{ hostOrganizationId: 'd', startsAt: at('2025-07-01') }
			]
		];
		for (const size of [2, 3, 4, 5]) {
			const p = ['a', 'b', 'c', 'd', 'e'].slice(0, size);
			for (const history of histories) {
				const rounds = Array.from({ length: 12 }, (_, i) => at(addDays('2026-02-01', i * 42)));
				const hosts = proposeHostSequence(p, history, rounds);
				expect(hosts).toHaveLength(12);
				const counts = p.map((id) => hosts.filter((h) => h === id).length);
				expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
				const last = [...history].sort((x, y) => +x.startsAt - +y.startsAt).at(-1);
				const chain = [last?.hostOrganizationId ?? null, ...hosts];
				for (let i = 1; i < chain.length; i++) expect(chain[i]).not.toBe(chain[i - 1]);
			}
		}
	});

	it('a sequence over a one-organisation pool repeats it', () => {
		expect(proposeHostSequence(['a'], [], [at('2026-01-01'), at('2026-02-01')])).toEqual([
			'a',
			'a'
		]);
		expect(proposeHostSequence([], [], [at('2026-01-01')])).toEqual([null]);
	});
});
