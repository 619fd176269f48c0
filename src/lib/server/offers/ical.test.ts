import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
	buildCalendar,
	escapeText,
	foldLine,
	hasCalendar,
	offerEvent,
	offerUid,
	parseRRule,
	recurrenceRule
} from './ical';
import { berlinLocal, fromBerlinLocal } from '../shared';

type Offer = Parameters<typeof offerEvent>[0];

function offer(overrides: Partial<Offer> = {}): Offer {
	return {
		id: '6f1c2b9e-4a57-4c1e-9d35-2f0a7b8c9d10',
		scheduleKind: 'once',
		startsAt: new Date('2026-03-10T17:00:00Z'),
		endsAt: new Date('2026-03-10T18:30:00Z'),
		rrule: null,
		weekdays: [],
		validTo: null,
		updatedAt: new Date('2026-02-01T09:00:00Z'),
		...overrides
	};
}

const now = new Date('2026-02-15T12:00:00Z');
const url = 'http://localhost:3000/landshut/angebote/6f1c2b9e-4a57-4c1e-9d35-2f0a7b8c9d10';

function calendarOf(o: Offer, text: Partial<Parameters<typeof offerEvent>[1]> = {}): string {
	const event = offerEvent(o, { summary: 'Sprachkurs für Frauen', url, ...text });
	if (!event) throw new Error('no event');
	return buildCalendar([event], now);
}

/** Parses with ical.js and registers the calendar's VTIMEZONE, as a calendar app would. */
function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vtimezone = calendar.getFirstSubcomponent('vtimezone');
	if (vtimezone) ICAL.TimezoneService.register(vtimezone);
	const vevent = calendar.getFirstSubcomponent('vevent');
	if (!vevent) throw new Error('no VEVENT');
	return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('iCalendar of an offer', () => {
	it('writes a one-off offer with TZID, VTIMEZONE, stable UID and DTSTAMP', () => {
		const ics = calendarOf(offer(), {
			description: 'Deutsch lernen.',
			location: 'Bürgerhaus, Altstadt 1, 84028 Landshut'
		});
		const { calendar, vevent, event } = parse(ics);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Miteinander//Angebote//DE');
		expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
			'Europe/Berlin'
		);
		expect(event.uid).toBe(offerUid(offer().id));
		expect(event.uid).toBe('offer-6f1c2b9e-4a57-4c1e-9d35-2f0a7b8c9d10@miteinander');
		expect(event.summary).toBe('Sprachkurs für Frauen');
		expect(event.description).toBe('Deutsch lernen.');
		expect(event.location).toBe('Bürgerhaus, Altstadt 1, 84028 Landshut');
		expect(vevent.getFirstPropertyValue('url')).toBe(url);
		expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
		expect(vevent.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Berlin');
		expect(ics).toContain('\r\nDTSTART;TZID=Europe/Berlin:20260310T180000\r\n');
		expect(ics).toContain('\r\nDTEND;TZID=Europe/Berlin:20260310T193000\r\n');
		expect(ics).toContain('\r\nDTSTAMP:20260215T120000Z\r\n');
		// the same instants once the time zone is applied
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-10T17:00:00.000Z');
		expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-10T18:30:00.000Z');
		expect(vevent.getFirstProperty('rrule')).toBeNull();
		// the same offer always gets the same UID
		expect(parse(calendarOf(offer())).event.uid).toBe(event.uid);
	});

	it('uses summer time in summer', () => {
		const ics = calendarOf(offer({ startsAt: new Date('2026-07-01T16:00:00Z'), endsAt: null }));
		expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260701T180000');
		expect(ics).not.toContain('DTEND');
		expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe('2026-07-01T16:00:00.000Z');
	});

	it('writes the RRULE of a recurring offer, ending with its "valid to" date', () => {
		const o = offer({
			scheduleKind: 'recurring',
			startsAt: new Date('2026-03-17T17:00:00Z'), // Tuesday 18:00 in Berlin
			endsAt: new Date('2026-03-17T18:30:00Z'),
			rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
			weekdays: [2, 4],
			validTo: '2026-04-30'
		});
		const { vevent, event } = parse(calendarOf(o));
		const rule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
		expect(rule.freq).toBe('WEEKLY');
		expect(rule.getComponent('byday')).toEqual(['TU', 'TH']);
		// UNTIL in UTC: 30 April 23:59:59 in Berlin (summer time)
		expect(rule.until?.toString()).toBe('2026-04-30T21:59:59Z');
		expect(event.isRecurring()).toBe(true);
		// occurrences stay at 18:00 local across the change to summer time (29 March)
		const it = event.iterator();
		const dates: string[] = [];
		for (let next = it.next(); next && dates.length < 20; next = it.next()) {
			dates.push(berlinLocal(next.toJSDate()));
		}
		expect(dates.slice(0, 5)).toEqual([
			'20260317T180000',
			'20260319T180000',
			'20260324T180000',
			'20260326T180000',
			'20260331T180000'
		]);
		expect(dates.at(-1)).toBe('20260430T180000');
		expect(dates).toHaveLength(14);
	});

	it('builds a weekly rule from the weekdays when the offer has none, and rejects injected lines', () => {
		const fromDays = calendarOf(
			offer({ scheduleKind: 'recurring', rrule: null, weekdays: [3, 1] })
		);
		expect(fromDays).toContain('\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE\r\n');
		const injected = calendarOf(
			offer({
				scheduleKind: 'recurring',
				rrule: 'FREQ=WEEKLY\r\nATTENDEE:mailto:x@example.org',
				weekdays: [5]
			})
		);
		expect(injected).toContain('\r\nRRULE:FREQ=WEEKLY;BYDAY=FR\r\n');
		expect(injected).not.toContain('ATTENDEE');
	});

	it('starts a weekly rule on its first weekday when the offer’s start is another day', () => {
		// Saturday 28 March 2026, 10:00 (winter time); the course is on Mondays
		const ics = calendarOf(
			offer({
				scheduleKind: 'recurring',
				startsAt: new Date('2026-03-28T09:00:00Z'),
				endsAt: new Date('2026-03-28T10:30:00Z'),
				rrule: 'FREQ=WEEKLY;BYDAY=MO',
				weekdays: [1]
			})
		);
		// Monday 30 March, still 10:00 local although summer time began in between
		expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260330T100000');
		expect(ics).toContain('DTEND;TZID=Europe/Berlin:20260330T113000');
		const { event } = parse(ics);
		expect(event.iterator().next()?.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z');
	});

	it('leaves out an end more than a day after the start of a recurring offer', () => {
		const ics = calendarOf(
			offer({
				scheduleKind: 'recurring',
				weekdays: [2],
				endsAt: new Date('2026-06-30T18:00:00Z')
			})
		);
		expect(ics).not.toContain('DTEND');
	});

	it('escapes text and folds long lines at 75 octets without splitting characters', () => {
		const summary = 'Kurs; Eltern, Kinder \\ Großeltern';
		const description = `Erste Zeile\nZweite Zeile mit Ümläuten – ${'äöü ß '.repeat(30)}Ende`;
		const ics = calendarOf(offer(), { summary, description, location: 'Raum 1, 2. OG; Hof' });
		expect(ics).toContain('SUMMARY:Kurs\\; Eltern\\, Kinder \\\\ Großeltern');
		const lines = ics.split('\r\n');
		expect(lines.at(-1)).toBe('');
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);
		expect(ics).not.toMatch(/[^\r]\n/);
		const { event } = parse(ics);
		expect(event.summary).toBe(summary);
		expect(event.description).toBe(description);
		expect(event.location).toBe('Raum 1, 2. OG; Hof');
	});

	it('has no calendar for offers by appointment, without a start, or without a rule', () => {
		expect(hasCalendar(offer({ scheduleKind: 'appointment' }))).toBe(false);
		expect(offerEvent(offer({ scheduleKind: 'appointment' }), { summary: 'x', url })).toBeNull();
		expect(hasCalendar(offer({ startsAt: null }))).toBe(false);
		expect(hasCalendar(offer({ scheduleKind: 'recurring', rrule: null, weekdays: [] }))).toBe(
			false
		);
		expect(hasCalendar(offer({ scheduleKind: 'recurring', weekdays: [2] }))).toBe(true);
		expect(hasCalendar(offer())).toBe(true);
	});
});

describe('iCalendar helpers', () => {
	it('escapes backslash, semicolon, comma and line breaks', () => {
		expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
		expect(escapeText('bell\u0007')).toBe('bell');
	});

	it('folds by octets', () => {
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
		// a two-octet character that would cross the limit moves to the next line
		const folded = foldLine(`${'x'.repeat(74)}ä`);
		expect(folded).toBe(`${'x'.repeat(74)}\r\n ä`);
	});

	it('converts Berlin wall-clock times, also around the changes of summer time', () => {
		expect(fromBerlinLocal(2026, 1, 15, 18).toISOString()).toBe('2026-01-15T17:00:00.000Z');
		expect(fromBerlinLocal(2026, 7, 15, 18).toISOString()).toBe('2026-07-15T16:00:00.000Z');
		// 25 October 2026, 02:30 happens twice: the later one (CET)
		expect(fromBerlinLocal(2026, 10, 25, 2, 30).toISOString()).toBe('2026-10-25T01:30:00.000Z');
		// 29 March 2026, 02:30 does not exist: an hour later
		expect(berlinLocal(fromBerlinLocal(2026, 3, 29, 2, 30))).toBe('20260329T033000');
	});

	it('accepts only well-formed rules', () => {
		expect(parseRRule('FREQ=MONTHLY;BYDAY=1TU;INTERVAL=1')).toEqual({
			FREQ: 'MONTHLY',
			BYDAY: '1TU',
			INTERVAL: '1'
		});
		expect(parseRRule('RRULE:freq=weekly;byday=mo')).toEqual({ FREQ: 'WEEKLY', BYDAY: 'MO' });
		for (const bad of [
			'',
			'BYDAY=MO',
			'FREQ=HOURLY',
			'FREQ=WEEKLY;BYDAY=XX',
			'FREQ=WEEKLY;COUNT=3;UNTIL=20260101',
			'FREQ=WEEKLY;X-EVIL=1',
			'FREQ=WEEKLY;FREQ=DAILY',
			'FREQ=WEEKLY\nBEGIN:VALARM'
		]) {
			expect(parseRRule(bad), bad).toBeNull();
		}
	});

	it('bounds the rule by the offer’s "valid to" date and writes UNTIL in UTC', () => {
		expect(
			recurrenceRule({ rrule: 'FREQ=WEEKLY;BYDAY=MO', weekdays: [], validTo: '2026-12-31' })
		).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T225959Z');
		// an earlier UNTIL of its own stays, a date-only one becomes the end of that day
		expect(
			recurrenceRule({ rrule: 'FREQ=WEEKLY;UNTIL=20260601', weekdays: [], validTo: '2026-12-31' })
		).toBe('FREQ=WEEKLY;UNTIL=20260601T215959Z');
		expect(
			recurrenceRule({ rrule: 'FREQ=DAILY;COUNT=5', weekdays: [], validTo: '2026-12-31' })
		).toBe('FREQ=DAILY;COUNT=5');
		expect(recurrenceRule({ rrule: null, weekdays: [], validTo: null })).toBeNull();
	});
});
