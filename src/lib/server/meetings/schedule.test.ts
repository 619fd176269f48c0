import { describe, expect, it } from 'vitest';
import {
	holidayOn,
	isLocalDate,
	isoWeekday,
	nthWeekdayOfMonth,
	proposeDates,
	weekOfMonth
} from './schedule';
import { addDays, berlinDateOf, berlinTimeOf } from '../shared';

import { at, dates, everyWeek, weeks } from './schedule-testing';

describe('local date helpers', () => {
	it('validates real calendar dates only', () => {
		expect(isLocalDate('2026-02-28')).toBe(true);
		expect(isLocalDate('2028-02-29')).toBe(true);
		expect(isLocalDate('2026-02-29')).toBe(false);
		expect(isLocalDate('2026-13-01')).toBe(false);
		expect(isLocalDate('26-01-01')).toBe(false);
	});

	it('adds days across month, year and daylight-saving boundaries', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});

	it('knows ISO weekdays', () => {
		expect(isoWeekday('2026-03-09')).toBe(1);
		expect(isoWeekday('2026-03-15')).toBe(7);
	});

	it('finds the n-th and the last weekday of a month', () => {
		expect(nthWeekdayOfMonth(2026, 6, 2, 2)).toBe('2026-06-09');
		expect(nthWeekdayOfMonth(2026, 9, 2, 1)).toBe('2026-09-01');
		expect(nthWeekdayOfMonth(2026, 4, 6, 'last')).toBe('2026-04-25');
		expect(nthWeekdayOfMonth(2026, 10, 6, 'last')).toBe('2026-10-31');
		expect(nthWeekdayOfMonth(2026, 2, 6, 'last')).toBe('2026-02-28');
		expect(weekOfMonth('2026-01-07')).toBe(1);
		expect(weekOfMonth('2026-01-08')).toBe(2);
		expect(weekOfMonth('2026-01-28')).toBe(4);
		expect(weekOfMonth('2026-01-29')).toBe('last');
	});

	it('reads Berlin local dates and times of instants, also near midnight', () => {
		// 23:30 UTC on 31 December is already 00:30 on New Year's Day in Berlin
		expect(berlinDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(berlinTimeOf(new Date('2026-07-01T16:00:00Z'))).toBe('18:00');
	});
});

describe('holidays of the Land', () => {
	it('Fronleichnam is a public holiday in Bavaria, not in Lower Saxony', () => {
		expect(holidayOn('BY', '2026-06-04')).toBe('Fronleichnam');
		expect(holidayOn('NI', '2026-06-04')).toBeNull();
	});

	it('Reformationstag is one in Lower Saxony, not in Bavaria; Allerheiligen the other way round', () => {
		expect(holidayOn('NI', '2025-10-31')).toBe('Reformationstag');
		expect(holidayOn('BY', '2025-10-31')).toBeNull();
		expect(holidayOn('BY', '2027-11-01')).toBe('Allerheiligen');
		expect(holidayOn('NI', '2027-11-01')).toBeNull();
	});

	it('observances and school holidays do not block (Mariä Himmelfahrt in BY, Buß- und Bettag)', () => {
		expect(holidayOn('BY', '2026-08-15')).toBeNull();
		expect(holidayOn('BY', '2026-11-18')).toBeNull();
	});

	it('Heiligabend and Silvester block as well as the Christmas holidays', () => {
		expect(holidayOn('NI', '2026-12-24')).toBe('Heiligabend');
		expect(holidayOn('NI', '2026-12-25')).toBe('1. Weihnachtstag');
		expect(holidayOn('NI', '2026-12-31')).toBe('Silvester');
		expect(holidayOn('NI', '2026-12-30')).toBeNull();
	});
});

describe('proposeDates: weeks cadence', () => {
	it('proposes the preferred weekday minWeeks after the last meeting', () => {
		const [p] = proposeDates(weeks({ land: 'NI' }));
		expect(p.date).toBe('2026-06-04');
		expect(p.shifts).toEqual([]);
		expect(p.beyondMax).toBe(false);
		expect(p.startsAt.toISOString()).toBe('2026-06-04T16:00:00.000Z');
		expect(p.endsAt.toISOString()).toBe('2026-06-04T18:00:00.000Z');
	});

	it('skips Fronleichnam in Bavaria and keeps within the maximum', () => {
		const [p] = proposeDates(weeks({ land: 'BY' }));
		expect(p.date).toBe('2026-06-11');
		expect(p.shifts).toEqual([{ kind: 'holiday', date: '2026-06-04', name: 'Fronleichnam' }]);
		expect(p.beyondMax).toBe(false);
	});

	it('goes beyond the maximum only when it must, and says so', () => {
		const [p] = proposeDates(weeks({ cadence: { kind: 'weeks', minWeeks: 6, maxWeeks: 6 } }));
		expect(p.date).toBe('2026-06-11');
		expect(p.beyondMax).toBe(true);
	});

	for (const { name, weekday, last, expected } of [
		{
			name: 'skips Reformationstag in Lower Saxony, not in Bavaria',
			weekday: 5,
			last: '2025-09-19',
			expected: { NI: '2025-11-07', BY: '2025-10-31' }
		},
		{
			name: 'skips Allerheiligen in Bavaria, not in Lower Saxony',
			weekday: 1,
			last: '2027-09-20',
			expected: { BY: '2027-11-08', NI: '2027-11-01' }
		}
	])
		it(name, () => {
			const input = weeks({
				preferredWeekday: weekday,
				lastMeetingStart: at(last),
				today: addDays(last, 1)
			});
			for (const [land, date] of Object.entries(expected))
				expect(dates({ ...input, land })).toEqual([date]);
		});

	it('passes over the whole Christmas week (Heiligabend, Silvester) into January', () => {
		const [thu] = proposeDates(weeks({ lastMeetingStart: at('2026-11-12'), today: '2026-11-13' }));
		expect(thu.date).toBe('2027-01-07');
		expect(thu.shifts.map((s) => s.date)).toEqual(['2026-12-24', '2026-12-31']);
		expect(thu.beyondMax).toBe(false);

		const [fri] = proposeDates(
			weeks({ preferredWeekday: 5, lastMeetingStart: at('2026-11-13'), today: '2026-11-14' })
		);
		expect(fri.date).toBe('2027-01-08');
		expect(fri.shifts).toEqual([
			{ kind: 'holiday', date: '2026-12-25', name: '1. Weihnachtstag' },
			{ kind: 'holiday', date: '2027-01-01', name: 'Neujahr' }
		]);
	});

	it('chains several proposals on each other', () => {
		expect(dates(weeks({ land: 'NI', count: 4 }))).toEqual([
			'2026-06-04',
			'2026-07-16',
			'2026-08-27',
			'2026-10-08'
		]);
		// in Bavaria the shift after Fronleichnam moves the rest of the series as well
		expect(dates(weeks({ land: 'BY', count: 2 }))).toEqual(['2026-06-11', '2026-07-23']);
	});

	it('never proposes a skipped date and continues after it', () => {
		const [p, next] = proposeDates(weeks({ land: 'NI', skipped: ['2026-06-04'], count: 2 }));
		expect(p.date).toBe('2026-06-11');
		expect(p.shifts).toEqual([{ kind: 'skipped', date: '2026-06-04' }]);
		expect(next.date).toBe('2026-07-23');
	});

	it('continues after planned meetings and never doubles a meeting day', () => {
		const planned = proposeDates(
			weeks({ land: 'NI', existing: [at('2026-06-04')], lastMeetingStart: at('2026-04-23') })
		);
		expect(planned.map((p) => p.date)).toEqual(['2026-07-16']);
		// the planned meeting's day itself is never proposed, even with a shorter cadence
		const short = proposeDates(
			weeks({
				land: 'NI',
				cadence: { kind: 'weeks', minWeeks: 1, maxWeeks: 2 },
				existing: [at('2026-04-30', '10:00')],
				count: 2
			})
		);
		expect(short.map((p) => p.date)).toEqual(['2026-05-07', '2026-05-21']);
	});

	it('without a last meeting the series starts with the first preferred weekday after today', () => {
		expect(
			dates(
				weeks({
					lastMeetingStart: null,
					preferredWeekday: 2,
					today: '2026-03-04',
					count: 2
				})
			)
		).toEqual(['2026-03-10', '2026-04-21']);
		// today itself is never proposed, even when it is the preferred weekday
		expect(
			dates(weeks({ lastMeetingStart: null, preferredWeekday: 3, today: '2026-03-04' }))
		).toEqual(['2026-03-11']);
	});

	it('when the last meeting is long ago, starts after today instead of in the past', () => {
		const [p] = proposeDates(weeks({ lastMeetingStart: at('2026-01-08'), today: '2026-05-01' }));
		expect(p.date).toBe('2026-05-07');
		expect(p.date > '2026-05-01').toBe(true);
	});

	it('keeps the local time across the daylight-saving changes (29 March, 25 October 2026)', () => {
		const spring = proposeDates(everyWeek(2, '2026-03-17', '2026-03-18', '18:00', { count: 2 }));
		expect(spring.map((p) => [p.date, p.startsAt.toISOString()])).toEqual([
			['2026-03-24', '2026-03-24T17:00:00.000Z'],
			['2026-03-31', '2026-03-31T16:00:00.000Z']
		]);
		const autumn = proposeDates(everyWeek(2, '2026-10-13', '2026-10-14', '18:00', { count: 2 }));
		expect(autumn.map((p) => [p.date, p.startsAt.toISOString()])).toEqual([
			['2026-10-20', '2026-10-20T16:00:00.000Z'],
			['2026-10-27', '2026-10-27T17:00:00.000Z']
		]);
		for (const p of [...spring, ...autumn]) expect(berlinTimeOf(p.startsAt)).toBe('18:00');
	});

	it('on the day of the change itself, a time in the skipped hour moves on and the duration is real time', () => {
		const [p] = proposeDates(everyWeek(7, '2026-03-22', '2026-03-23', '02:30'));
		expect(p.date).toBe('2026-03-29');
		// 02:30 does not exist on 29 March: 03:30 summer time
		expect(p.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(p.endsAt.getTime() - p.startsAt.getTime()).toBe(120 * 60_000);
		const [q] = proposeDates(everyWeek(7, '2026-10-18', '2026-10-19', '02:30'));
		// 02:30 happens twice on 25 October: the later one, in winter time
		expect(q.startsAt.toISOString()).toBe('2026-10-25T01:30:00.000Z');
	});

	it('accepts today as an instant, read in Berlin', () => {
		// 23:30 UTC on 10 March is already 11 March in Berlin: the Wednesday itself is not proposed
		const [p] = proposeDates(
			weeks({
				lastMeetingStart: null,
				preferredWeekday: 3,
				today: new Date('2026-03-10T23:30:00Z')
			})
		);
		expect(p.date).toBe('2026-03-18');
	});

	it('returns nothing for no cadence or unusable settings', () => {
		expect(proposeDates(weeks({ cadence: { kind: 'none' } }))).toEqual([]);
		expect(proposeDates(weeks({ preferredWeekday: 0 }))).toEqual([]);
		expect(proposeDates(weeks({ preferredTime: '25:00' }))).toEqual([]);
		expect(proposeDates(weeks({ cadence: { kind: 'weeks', minWeeks: 0, maxWeeks: 0 } }))).toEqual(
			[]
		);
		expect(proposeDates(weeks({ count: 0 }))).toEqual([]);
	});
});
