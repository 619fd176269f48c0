import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { useTestSetup, testTenantCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { tenantScenario } from '../db/testing/test-actors';
import { buildBody, buildMeeting } from '../factories';
import { NotFoundError, ValidationError } from '../errors';
import { deleteEvent, getEventForEdit, saveEvent } from './manage';
import { eventIcs, eventsFeed, getPublicEvent, listPublicEvents } from './public';

const NOW = new Date('2030-09-01T10:00:00Z');

const setup = useTestSetup(async (db: Db) => {
	const s = await tenantScenario(db);
	const coordinator = await s.ctxFor('coordinator');
	const editor = await s.ctxFor('editor');
	const visitor = testTenantCtx(db, s.tenant, null);
	const publicBody = await buildBody(db, s.tenant.id, {
		visibility: 'public',
		name: 'Integrationsbeirat'
	});
	const internalBody = await buildBody(db, s.tenant.id, { visibility: 'network' });
	return { ...s, coordinator, editor, visitor, publicBody, internalBody };
});

const week = {
	title: 'Interkulturelle Woche',
	description: 'Eine Woche voller Begegnungen.',
	place: 'Rathausplatz, Landshut',
	registrationNote: 'Keine Anmeldung nötig.',
	startsAt: '2030-09-22T10:00',
	endsAt: '2030-09-29T18:00',
	published: true
};

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vtimezone = calendar.getFirstSubcomponent('vtimezone');
	if (vtimezone) ICAL.TimezoneService.register(vtimezone);
	return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('network events', () => {
	it('only coordinators keep events; input is validated (end after start)', async () => {
		const s = await setup();
		await expect(saveEvent(s.editor, week)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			saveEvent(s.coordinator, { ...week, endsAt: '2030-09-21T10:00' })
		).rejects.toMatchObject({ fieldErrors: { endsAt: 'events_error_end_before_start' } });
		await expect(saveEvent(s.coordinator, { ...week, startsAt: '' })).rejects.toBeInstanceOf(
			ValidationError
		);
		const { id } = await saveEvent(s.coordinator, week);
		expect((await getEventForEdit(s.coordinator, { id })).values.startsAt).toBe('2030-09-22T10:00');
		const other = testTenantCtx(s.db, s.other, (await s.ctxFor('other')).actor);
		await expect(deleteEvent(other, { id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(getPublicEvent(testTenantCtx(s.db, s.other, null), { id })).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('the public list merges published events with meetings of public bodies, soonest first, paged', async () => {
		const s = await setup();
		const { id } = await saveEvent(s.coordinator, week);
		await saveEvent(s.coordinator, { ...week, title: 'Entwurf', published: false });
		await saveEvent(s.coordinator, {
			...week,
			title: 'Vorbei',
			startsAt: '2030-08-01T10:00',
			endsAt: '2030-08-01T12:00'
		});
		const meeting = await buildMeeting(s.db, s.publicBody, {
			startsAt: new Date('2030-09-10T16:00:00Z'),
			endsAt: new Date('2030-09-10T18:00:00Z')
		});
		await buildMeeting(s.db, s.internalBody, { startsAt: new Date('2030-09-05T16:00:00Z') });

		const first = await listPublicEvents(s.visitor, { page: 1, size: 1 }, NOW);
		expect(first.items.map((i) => [i.kind, i.id])).toEqual([['meeting', meeting.id]]);
		expect(first.items[0].href).toBe(`/${s.tenant.slug}/sitzungen/${meeting.id}`);
		expect(first.hasMore).toBe(true);
		const second = await listPublicEvents(s.visitor, { page: 2, size: 1 }, NOW);
		expect(second.items.map((i) => [i.kind, i.id])).toEqual([['event', id]]);
		expect(second.hasMore).toBe(false);
	});

	it('one event as .ics and the feed of events and public meetings parse with ical.js', async () => {
		const s = await setup();
		const { id } = await saveEvent(s.coordinator, week);
		const meeting = await buildMeeting(s.db, s.publicBody, {
			startsAt: new Date('2030-09-10T16:00:00Z'),
			endsAt: new Date('2030-09-10T18:00:00Z')
		});
		const [single] = parse(await eventIcs(s.visitor, { id }));
		expect(single.summary).toBe('Interkulturelle Woche');
		expect(single.location).toBe('Rathausplatz, Landshut');
		expect(single.description).toContain('Keine Anmeldung nötig.');
		// 10:00 Berlin summer time = 08:00 UTC
		expect(single.startDate.toJSDate().toISOString()).toBe('2030-09-22T08:00:00.000Z');
		expect(single.endDate.toJSDate().toISOString()).toBe('2030-09-29T16:00:00.000Z');

		const all = parse(await eventsFeed(s.visitor, NOW));
		expect(all.map((e) => e.uid)).toEqual([
			`meeting-${meeting.id}@miteinander`,
			`event-${id}@miteinander`
		]);
		expect(all[0].summary).toContain('Integrationsbeirat');
	});
});
