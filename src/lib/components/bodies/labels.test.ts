import { describe, expect, it } from 'vitest';
import { cadenceText, formatDay, meetingPlaceText } from './labels';

const base = {
	cadenceKind: 'none',
	cadenceMinWeeks: null,
	cadenceMaxWeeks: null,
	preferredWeekday: null,
	preferredTime: null
};

describe('cadenceText', () => {
	it('says the rhythm and the preferred day and time in words', () => {
		expect(
			cadenceText({
				...base,
				cadenceKind: 'weeks',
				cadenceMinWeeks: 6,
				cadenceMaxWeeks: 8,
				preferredWeekday: 2,
				preferredTime: '14:00'
			})
		).toBe('alle 6–8 Wochen, bevorzugt dienstags 14:00 Uhr');
		expect(
			cadenceText({ ...base, cadenceKind: 'weeks', cadenceMinWeeks: 4, cadenceMaxWeeks: 4 })
		).toBe('alle 4 Wochen');
		expect(cadenceText({ ...base, cadenceKind: 'quarterly', preferredWeekday: 4 })).toBe(
			'vierteljährlich, bevorzugt donnerstags'
		);
		expect(cadenceText({ ...base, cadenceKind: 'half_yearly', preferredTime: '09:30' })).toBe(
			'halbjährlich, bevorzugt um 09:30 Uhr'
		);
		expect(cadenceText({ ...base, cadenceKind: 'yearly' })).toBe('einmal im Jahr');
		expect(cadenceText(base)).toBe('Termine werden einzeln geplant');
	});
});

describe('formatDay and meetingPlaceText', () => {
	it('formats a calendar day without shifting it across time zones', () => {
		expect(formatDay('2025-03-01', 'de')).toBe('01.03.2025');
		expect(formatDay('2025-12-31', 'de')).toBe('31.12.2025');
	});
	it('names the host, the room or "online"', () => {
		expect(meetingPlaceText({ locationKind: 'online', location: 'x', hostName: null })).toBe(
			'online'
		);
		expect(
			meetingPlaceText({ locationKind: 'host', location: 'Saal 1', hostName: 'Caritas' })
		).toBe('bei Caritas, Saal 1');
		expect(meetingPlaceText({ locationKind: 'room', location: null, hostName: null })).toBe(
			'Ort folgt'
		);
	});
});
