/** Inputs of the schedule tests: a weekly cadence as the series settings give it. */
import { proposeDates, type ProposeDatesInput } from './schedule';
import { berlinInstant } from '../shared';

/** A meeting start at a local Berlin date and time. */
export const at = (date: string, time = '18:00') => berlinInstant(date, time);

/** Every 6 to 8 weeks on Thursday 18:00 in Bavaria, the last meeting on 23 April 2026. */
export function weeks(overrides: Partial<ProposeDatesInput> = {}): ProposeDatesInput {
	return {
		cadence: { kind: 'weeks', minWeeks: 6, maxWeeks: 8 },
		preferredWeekday: 4,
		preferredTime: '18:00',
		durationMinutes: 120,
		land: 'BY',
		lastMeetingStart: at('2026-04-23'),
		today: '2026-04-24',
		count: 1,
		...overrides
	};
}

/** Every week on `weekday` at `time`, the last meeting on `lastDate` at that time. */
export function everyWeek(
	weekday: number,
	lastDate: string,
	today: string,
	time = '18:00',
	overrides: Partial<ProposeDatesInput> = {}
): ProposeDatesInput {
	return weeks({
		cadence: { kind: 'weeks', minWeeks: 1, maxWeeks: 1 },
		preferredWeekday: weekday,
		preferredTime: time,
		lastMeetingStart: at(lastDate, time),
		today,
		...overrides
	});
}

/** The proposed dates only. */
export const dates = (input: ProposeDatesInput) => proposeDates(input).map((p) => p.date);
