import { describe, expect, it } from 'vitest';
import {
	berlinLocalToDate,
	dateToBerlinLocal,
	firstOccurrence,
	isoWeekday,
	parseTime,
	weekdaysBetween,
	weekdaysOfRrule,
	weeklyRrule
} from './schedule';
import { berlinToday as berlinDateString } from '../shared';

describe('Berlin local time', () => {
	it('converts winter and summer times to the right instants', () => {
		expect(berlinLocalToDate('2025-01-15T14:00')!.toISOString()).toBe('2025-01-15T13:00:00.000Z');
		expect(berlinLocalToDate('2025-07-15T14:00')!.toISOString()).toBe('2025-07-15T12:00:00.000Z');
	});

	it('round-trips through the form format, also around the clock change', () => {
		for (const local of ['2025-03-30T01:30', '2025-03-30T03:30', '2025-10-26T03:30']) {
			expect(dateToBerlinLocal(berlinLocalToDate(local)!)).toBe(local);
		}
	});

	it('rejects what is not a date and time', () => {
		expect(berlinLocalToDate('2025-02-30T10:00')).toBeNull();
		expect(berlinLocalToDate('2025-01-15T24:00')).toBeNull();
		expect(berlinLocalToDate('morgen')).toBeNull();
		expect(parseTime('9:30')).toBeNull();
		expect(parseTime('09:30')).toBe(570);
	});

	it('knows the Berlin day, which differs from UTC around midnight', () => {
		expect(berlinDateString(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
		expect(berlinDateString(new Date('2025-01-01T22:59:00Z'))).toBe('2025-01-01');
	});
});

describe('weekly rules', () => {
	it('builds FREQ=WEEKLY;BYDAY from ISO weekdays and reads it back', () => {
		expect(weeklyRrule([4, 2])).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
		expect(weeklyRrule([7])).toBe('FREQ=WEEKLY;BYDAY=SU');
		expect(weekdaysOfRrule('FREQ=WEEKLY;BYDAY=TU,TH')).toEqual([2, 4]);
		expect(weekdaysOfRrule('FREQ=DAILY')).toEqual([]);
	});

	it('finds the first occurrence on or after a day', () => {
		expect(isoWeekday('2025-01-13')).toBe(1); // a Monday
		expect(firstOccurrence('2025-01-13', [2, 4])).toBe('2025-01-14');
		expect(firstOccurrence('2025-01-14', [2])).toBe('2025-01-14');
		expect(firstOccurrence('2025-01-15', [1])).toBe('2025-01-20');
	});

	it('lists the weekdays an event spans, at most a week', () => {
		expect(weekdaysBetween('2025-01-17', '2025-01-19')).toEqual([5, 6, 7]);
		expect(weekdaysBetween('2025-01-01', '2025-03-01')).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});
});
