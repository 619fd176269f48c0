import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Body } from '../bodies/schema';
import type { Meeting } from '../meetings/schema';
import { buildMeetingCalendar, meetingUid, partStat } from './ics';
import { meetingEvent } from './events';
import type { MeetingDetails } from './details';

const origin = 'https://integration.example.de';
const meetingId = '0b7c2d5e-1f3a-4b6c-8d9e-0a1b2c3d4e5f';
const now = new Date('2026-11-20T08:00:00Z');

function details(
	meeting: Partial<Meeting> = {},
	extra: Partial<Omit<MeetingDetails, 'meeting'>> = {}
): MeetingDetails {
	return {
		meeting: {
			id: meetingId,
			tenantId: 't',
			bodyId: 'b',
			title: null,
			startsAt: new Date('2026-12-08T13:00:00Z'), // 14:00 in Berlin (winter)
			endsAt: new Date('2026-12-08T15:00:00Z'),
			locationKind: 'room',
			location: 'Rathaus, Raum 1',
			onlineUrl: null,
			hostOrganizationId: null,
			moderatorUserId: null,
			state: 'invited',
			sequence: 0,
			invitedAt: null,
			remindedAt: null,
			cancelledAt: null,
			cancelReason: null,
			minutesState: 'none',
			minutesIntro: null,
			minutesSharedAt: null,
			minutesApprovedAt: null,
			minutesApprovedBy: null,
			minutesApprovedInMeetingId: null,
			minutesPublishedAt: null,
			createdBy: null,
			createdAt: new Date('2026-11-01T10:00:00Z'),
			updatedAt: new Date('2026-11-02T10:00:00Z'),
			...meeting
		},
		body: { id: 'b', name: 'Arbeitskreis Bildung', shortName: 'AK Bildung' } as Body,
		tenant: { id: 't', slug: 'landshut', name: 'Stadt Landshut', isPublic: true },
		host: null,
		agenda: [
			{ number: '1', title: 'Begrüßung', description: null, isPublic: true, speakers: [] },
			{
				number: '2',
				title: 'Personalfragen',
				description: null,
				isPublic: false,
				speakers: []
			},
			{
				number: '3',
				title: 'Sprachkurse für Eltern',
				description: null,
				isPublic: true,
				speakers: [{ name: 'Dr. Ayşe Yılmaz', affiliation: 'VHS Landshut', email: null }]
			}
		],
		...extra
	};
}

const url = `${origin}/app/landshut/sitzungen/${meetingId}`;

function invitation(d: MeetingDetails, method: 'REQUEST' | 'CANCEL' = 'REQUEST') {
	const event = meetingEvent(d, {
		origin,
		locale: 'de',
		url,
		withOrganizer: true,
		attendee: { email: 'mitglied@landshut.example', name: 'Mia Mitglied' }
	});
	return buildMeetingCalendar([event], { method, now });
}

/** Parses with ical.js and registers the calendar's VTIMEZONE, as a calendar app would. */
function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vtimezone = calendar.getFirstSubcomponent('vtimezone');
	if (vtimezone) ICAL.TimezoneService.register(vtimezone);
	const vevents = calendar.getAllSubcomponents('vevent');
	return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

describe('iCalendar of a meeting', () => {
	it('writes an invitation: METHOD:REQUEST, stable UID, SEQUENCE, Berlin times, organizer and attendee', () => {
		const ics = invitation(details());
		const { calendar, vevents, events } = parse(ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
			'Europe/Berlin'
		);
		expect(vevents).toHaveLength(1);
		const [vevent] = vevents;
		const [event] = events;
		expect(event.uid).toBe(`meeting-${meetingId}@integration.example.de`);
		expect(event.uid).toBe(meetingUid(meetingId, origin));
		expect(event.sequence).toBe(0);
		expect(event.summary).toBe('AK Bildung');
		expect(event.location).toBe('Rathaus, Raum 1');
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(vevent.getFirstPropertyValue('url')).toBe(url);
		expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
		expect(ics).toContain('\r\nDTSTART;TZID=Europe/Berlin:20261208T140000\r\n');
		expect(ics).toContain('\r\nDTEND;TZID=Europe/Berlin:20261208T160000\r\n');
		expect(ics).toContain('\r\nDTSTAMP:20261120T080000Z\r\n');
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-08T13:00:00.000Z');
		expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-08T15:00:00.000Z');
		const organizer = vevent.getFirstProperty('organizer')!;
		expect(organizer.getFirstValue()).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
		expect(organizer.getParameter('cn')).toBe('Arbeitskreis Bildung');
		const attendee = vevent.getFirstProperty('attendee')!;
		expect(attendee.getFirstValue()).toBe('mailto:mitglied@landshut.example');
		expect(attendee.getParameter('cn')).toBe('Mia Mitglied');
		expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
		expect(attendee.getParameter('rsvp')).toBe('TRUE');
		// the agenda (all items for members) and the link are in the description
		expect(event.description).toContain('TOP 1: Begrüßung');
		expect(event.description).toContain('TOP 2: Personalfragen');
		expect(event.description).toContain('Referent:innen: Dr. Ayşe Yılmaz (VHS Landshut)');
		expect(event.description).toContain(url);
	});

	it('keeps the UID and raises SEQUENCE for an update; a cancellation is METHOD:CANCEL with STATUS:CANCELLED', () => {
		const first = parse(invitation(details())).events[0];
		const update = parse(
			invitation(
				details({
					sequence: 1,
					startsAt: new Date('2026-12-08T14:00:00Z'),
					endsAt: new Date('2026-12-08T16:00:00Z')
				})
			)
		).events[0];
		expect(update.uid).toBe(first.uid);
		expect(update.sequence).toBe(1);
		expect(update.startDate.toString()).toBe('2026-12-08T15:00:00');
		const cancelIcs = invitation(
			details({ sequence: 2, state: 'cancelled', cancelReason: 'Krankheit; Ersatztermin folgt' }),
			'CANCEL'
		);
		const cancel = parse(cancelIcs);
		expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(cancel.events[0].uid).toBe(first.uid);
		expect(cancel.events[0].sequence).toBe(2);
		expect(cancel.vevents[0].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancel.events[0].description).toContain('Grund: Krankheit; Ersatztermin folgt');
	});

	it('gives PARTSTAT from the answer so far', () => {
		expect(partStat('yes')).toBe('ACCEPTED');
		expect(partStat('no')).toBe('DECLINED');
		expect(partStat('maybe')).toBe('TENTATIVE');
		expect(partStat(null)).toBe('NEEDS-ACTION');
		const event = meetingEvent(details(), {
			origin,
			locale: 'de',
			url,
			withOrganizer: true,
			attendee: { email: 'a@example.org', name: 'A', partstat: partStat('maybe') }
		});
		const { vevents } = parse(buildMeetingCalendar([event], { method: 'REQUEST', now }));
		expect(vevents[0].getFirstProperty('attendee')?.getParameter('partstat')).toBe('TENTATIVE');
	});

	it('writes local Berlin times on both sides of the change to summer time', () => {
		const winter = details({
			id: '11111111-1111-4111-8111-111111111111',
			startsAt: new Date('2026-03-28T13:00:00Z'), // Saturday 14:00 CET
			endsAt: new Date('2026-03-28T15:00:00Z')
		});
		const summer = details({
			id: '22222222-2222-4222-8222-222222222222',
			startsAt: new Date('2026-03-30T12:00:00Z'), // Monday 14:00 CEST
			endsAt: new Date('2026-03-30T14:00:00Z')
		});
		const ics = buildMeetingCalendar(
			[winter, summer].map((d) => meetingEvent(d, { origin, locale: 'de', url })),
			{ method: 'PUBLISH', now, name: 'AK Bildung' }
		);
		expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260328T140000');
		expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260330T140000');
		const { events } = parse(ics);
		expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
			'2026-03-28T13:00:00.000Z',
			'2026-03-30T12:00:00.000Z'
		]);
		expect(events.map((e) => e.endDate.toJSDate().toISOString())).toEqual([
			'2026-03-28T15:00:00.000Z',
			'2026-03-30T14:00:00.000Z'
		]);
		expect(events[0].uid).not.toBe(events[1].uid);
	});

	it('escapes commas, semicolons, backslashes and newlines and reads them back unchanged', () => {
		const d = details({
			title: 'Planung 2027, Teil 1; Ziele\\Maßnahmen',
			location: 'Bürgerhaus, Saal 2; Eingang Hof\nbitte klingeln'
		});
		const ics = invitation(d);
		expect(ics).toContain('SUMMARY:AK Bildung: Planung 2027\\, Teil 1\\; Ziele\\\\Maßnahmen');
		const [event] = parse(ics).events;
		expect(event.summary).toBe('AK Bildung: Planung 2027, Teil 1; Ziele\\Maßnahmen');
		expect(event.location).toBe('Bürgerhaus, Saal 2; Eingang Hof\nbitte klingeln');
		expect(event.description).toContain('TOP 3: Sprachkurse für Eltern\n   Referent:innen:');
	});

	it('folds long lines at 75 octets without splitting umlauts', () => {
		const long =
			'Überprüfung der Maßnahmen für Geflüchtete – Übergänge in Ausbildung, ärztliche Versorgung und Wohnungssuche in Landshut';
		const d = details({
			title: long,
			location: 'Äußere Münchener Straße 1, Größenwahn-Saal, 84028 Landshut, Erdgeschoss rechts'
		});
		const ics = invitation(d);
		const encoder = new TextEncoder();
		const lines = ics.split('\r\n');
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);
		for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
		expect(ics).not.toContain('\uFFFD');
		const [event] = parse(ics).events;
		expect(event.summary).toBe(`AK Bildung: ${long}`);
		expect(event.location).toBe(d.meeting.location);
	});

	it('in a public feed: PUBLISH, public agenda items only, no online link, cancelled meetings as CANCELLED', () => {
		const held = details({
			locationKind: 'online',
			location: null,
			onlineUrl: 'https://meet.example.org/geheim-123'
		});
		const cancelled = details({
			id: '33333333-3333-4333-8333-333333333333',
			state: 'cancelled',
			sequence: 3
		});
		const ics = buildMeetingCalendar(
			[held, cancelled].map((d) =>
				meetingEvent(d, {
					origin,
					locale: 'de',
					url: `${origin}/landshut/gremien/b`,
					publicOnly: true
				})
			),
			{ method: 'PUBLISH', now, name: 'AK Bildung – Stadt Landshut' }
		);
		const flat = ics.replace(/\r\n /g, '');
		expect(flat).not.toContain('geheim-123');
		expect(flat).not.toContain('Personalfragen');
		expect(flat).not.toContain('ATTENDEE');
		expect(flat).not.toContain('ORGANIZER');
		const { calendar, vevents, events } = parse(ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('AK Bildung – Stadt Landshut');
		expect(events).toHaveLength(2);
		expect(events[0].location).toBe('Online');
		expect(events[0].description).toContain('TOP 1: Begrüßung');
		expect(vevents.map((v) => v.getFirstPropertyValue('status'))).toEqual([
			'CONFIRMED',
			'CANCELLED'
		]);
		expect(events[1].sequence).toBe(3);
	});

	it('members get the online link in the location when there is no place', () => {
		const d = details({
			locationKind: 'online',
			location: null,
			onlineUrl: 'https://meet.example.org/ak'
		});
		const [event] = parse(invitation(d)).events;
		expect(event.location).toBe('https://meet.example.org/ak');
		expect(event.description).toContain('Online-Teilnahme: https://meet.example.org/ak');
	});
});
