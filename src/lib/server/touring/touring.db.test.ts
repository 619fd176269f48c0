import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import { actorCtx, testActor } from '../db/testing/test-actors';
import { buildTenant } from '../factories';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { NotFoundError, ValidationError } from '../errors';
import type { Tenant } from '../tenants/schema';
import { buildMunicipality, day, scopeAt } from '../offers/finder-testing';
import { toBerlinDateTime } from '../shared';
import {
	addTouringStop,
	createTouringProject,
	decideTouringStop,
	requestTouringStop,
	updateTouringProject,
	withdrawTouringRequest
} from './manage';
import { touringOverview } from './views';
import { publicTouringStops, touringFeed, touringStopIcs, upcomingTouringStops } from './public';

const database = useTestDb();

function parseEvents(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const vtimezone = calendar.getFirstSubcomponent('vtimezone');
	if (vtimezone) ICAL.TimezoneService.register(vtimezone);
	return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

async function setup() {
	const district = await buildTenant(database.db, { name: 'Landkreis Freising', kind: 'district' });
	const moosburg = await buildMunicipality(database.db, district, 'Stadt Moosburg a.d.Isar');
	const eching = await buildMunicipality(database.db, district, 'Gemeinde Eching');
	const lra = await actorCtx(database.db, district, 'coordinator');
	const mo = await actorCtx(database.db, moosburg, 'coordinator');
	const ec = await actorCtx(database.db, eching, 'coordinator');
	const { id: projectId } = await createTouringProject(lra, {
		title: 'Mobile Elternbegleitung – Beratungsbus',
		description: 'Hilfe und Beratung für alle Eltern, wohnortnah.',
		status: 'published'
	});
	return { district, moosburg, eching, lra, mo, ec, projectId };
}

const scope = async (t: Tenant) => {
	const s = await scopeAt(database.db, t.slug);
	if (!s) throw new Error('no scope');
	return s;
};

describe('interest → confirmation of a stop', () => {
	it('a municipality asks, only the district confirms; the confirmed stop is a public date', async () => {
		const s = await setup();
		const { id } = await requestTouringStop(s.mo, {
			projectId: s.projectId,
			place: 'Stadtplatz',
			startsAt: '',
			endsAt: '',
			requestNote: 'Gern an einem Dienstagvormittag.'
		});
		// a request is no public date
		expect(await upcomingTouringStops(database.db, await scope(s.moosburg))).toEqual([]);
		// the district's coordinator gets a mail (outbox) with the request and where to decide
		const mails = await database.db
			.select({ payload: outbox.payload })
			.from(outbox)
			.where(eq(outbox.tenantId, s.district.id));
		expect(mails).toHaveLength(1);
		expect(mails[0].payload).toMatchObject({
			to: s.lra.actor!.email,
			subject: 'Stadt Moosburg a.d.Isar bittet um einen Halt'
		});
		expect(mails[0].payload.text).toContain('Gern an einem Dienstagvormittag.');
		expect(mails[0].payload.text).toContain(`/app/${s.district.slug}/unterwegs`);

		// Moosburg's coordinator cannot confirm: neither in Moosburg nor in the district
		const confirm = {
			stopId: id,
			decision: 'confirm',
			place: 'Stadtplatz',
			startsAt: `${day(14)}T09:30`,
			endsAt: `${day(14)}T12:30`
		};
		await expect(decideTouringStop(s.mo, confirm)).rejects.toBeInstanceOf(NotFoundError);
		const moInDistrict = testTenantCtx(database.db, s.district, s.mo.actor);
		await expect(decideTouringStop(moInDistrict, confirm)).rejects.toBeInstanceOf(NotFoundError);

		// the district sees the open request and confirms it; a time is needed
		const overview = await touringOverview(s.lra);
		expect(overview.openRequests).toBe(1);
		expect(overview.projects[0].stops[0]).toMatchObject({
			status: 'requested',
			municipalityName: 'Stadt Moosburg a.d.Isar',
			requestNote: 'Gern an einem Dienstagvormittag.'
		});
		await expect(decideTouringStop(s.lra, { ...confirm, startsAt: '' })).rejects.toMatchObject({
			fieldErrors: { startsAt: 'tour_error_start_required' }
		});
		await expect(
			decideTouringStop(s.lra, { ...confirm, endsAt: `${day(14)}T08:00` })
		).rejects.toMatchObject({ fieldErrors: { endsAt: 'tour_error_end_before_start' } });
		await decideTouringStop(s.lra, confirm);

		const [stop] = await upcomingTouringStops(database.db, await scope(s.moosburg));
		expect(stop).toMatchObject({
			id,
			projectTitle: 'Mobile Elternbegleitung – Beratungsbus',
			municipalityName: 'Stadt Moosburg a.d.Isar',
			place: 'Stadtplatz'
		});
		expect(toBerlinDateTime(stop.startsAt)).toBe(`${day(14)}T09:30`);

		const audits = await database.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, id));
		expect(audits.map((a) => a.action).sort()).toEqual([
			'touring.stop_confirm',
			'touring.stop_request'
		]);
		// a decided request cannot be declined or withdrawn any more
		await expect(
			decideTouringStop(s.lra, { stopId: id, decision: 'decline' })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(withdrawTouringRequest(s.mo, { stopId: id })).rejects.toBeInstanceOf(
			ValidationError
		);
	});

	it("a municipality never sees another municipality's requests, only its own and confirmed dates", async () => {
		const s = await setup();
		await requestTouringStop(s.mo, {
			projectId: s.projectId,
			place: 'Stadtplatz',
			requestNote: 'Intern: Moosburg'
		});
		await addTouringStop(s.lra, {
			projectId: s.projectId,
			municipalityId: s.moosburg.id,
			place: 'Am Plan',
			startsAt: `${day(7)}T10:00`,
			endsAt: ''
		});
		const echingView = await touringOverview(s.ec);
		expect(echingView.role).toBe('municipality');
		expect(echingView.projects[0].stops.map((x) => x.status)).toEqual(['confirmed']);
		expect(JSON.stringify(echingView)).not.toContain('Intern: Moosburg');
		const moosburgView = await touringOverview(s.mo);
		expect(moosburgView.projects[0].stops.map((x) => x.status).sort()).toEqual([
			'confirmed',
			'requested'
		]);
		// Eching cannot withdraw or decide Moosburg's request
		const request = moosburgView.projects[0].stops.find((x) => x.status === 'requested')!;
		await expect(withdrawTouringRequest(s.ec, { stopId: request.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			decideTouringStop(s.ec, { stopId: request.id, decision: 'decline' })
		).rejects.toBeInstanceOf(NotFoundError);
		// Moosburg may withdraw its own open request
		await withdrawTouringRequest(s.mo, { stopId: request.id });
		expect((await touringOverview(s.lra)).openRequests).toBe(0);
	});

	it('only coordinators take part; municipalities cannot keep projects; drafts take no requests', async () => {
		const s = await setup();
		await expect(
			createTouringProject(s.mo, { title: 'Eigener Bus', status: 'published' })
		).rejects.toBeInstanceOf(NotFoundError);
		for (const role of ['member', 'editor', 'steering', 'guest', 'none'] as const) {
			const ctx = await actorCtx(database.db, s.moosburg, role);
			await expect(
				requestTouringStop(ctx, { projectId: s.projectId, place: 'Stadtplatz' }),
				role
			).rejects.toBeInstanceOf(NotFoundError);
			const inDistrict = await actorCtx(database.db, s.district, role);
			await expect(touringOverview(inDistrict), role).rejects.toBeInstanceOf(NotFoundError);
		}
		const { id: draft } = await createTouringProject(s.lra, { title: 'Entwurf' });
		await expect(
			requestTouringStop(s.mo, { projectId: draft, place: 'Stadtplatz' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await touringOverview(s.mo)).projects.map((p) => p.title)).toEqual([
			'Mobile Elternbegleitung – Beratungsbus'
		]);
		// a municipality of another district cannot ask for this district's project
		const otherDistrict = await buildTenant(database.db, { kind: 'district' });
		const stranger = await buildMunicipality(database.db, otherDistrict, 'Fremde Gemeinde');
		const strangerCtx = await actorCtx(database.db, stranger, 'coordinator');
		await expect(
			requestTouringStop(strangerCtx, { projectId: s.projectId, place: 'Markt' })
		).rejects.toBeInstanceOf(NotFoundError);
		// the district adds stops only in its own municipalities
		await expect(
			addTouringStop(s.lra, {
				projectId: s.projectId,
				municipalityId: stranger.id,
				place: 'Markt',
				startsAt: `${day(3)}T10:00`
			})
		).rejects.toMatchObject({ fieldErrors: { municipalityId: 'tour_error_municipality' } });
		// a platform admin without a role in the district keeps projects too (as everywhere)
		const admin = testTenantCtx(
			database.db,
			s.district,
			await testActor(database.db, s.district.id, 'admin')
		);
		await expect(touringOverview(admin)).resolves.toMatchObject({ role: 'district' });
	});
});

describe('confirmed stops in the finder and calendars', () => {
	async function withStops() {
		const s = await setup();
		const add = (m: Tenant, offset: number, place: string) =>
			addTouringStop(s.lra, {
				projectId: s.projectId,
				municipalityId: m.id,
				place,
				startsAt: `${day(offset)}T09:30`,
				endsAt: `${day(offset)}T12:30`
			});
		const past = await add(s.moosburg, -30, 'Stadtplatz (vorbei)');
		const next = await add(s.moosburg, 10, 'Stadtplatz');
		const later = await add(s.moosburg, 40, 'Schulhof');
		const echingStop = await add(s.eching, 5, 'Bürgerplatz');
		return { ...s, past, next, later, echingStop };
	}

	it("shows a municipality its own next stops, the district all of them; siblings' never", async () => {
		const s = await withStops();
		const ids = async (t: Tenant, input = {}) =>
			(await upcomingTouringStops(database.db, await scope(t), input)).map((x) => x.id);
		expect(await ids(s.moosburg)).toEqual([s.next.id, s.later.id]);
		expect(await ids(s.eching)).toEqual([s.echingStop.id]);
		expect(await ids(s.district)).toEqual([s.echingStop.id, s.next.id, s.later.id]);
		// the district's finder filtered by municipality, and by words
		expect(await ids(s.district, { municipalityIds: [s.eching.id] })).toEqual([s.echingStop.id]);
		expect(await ids(s.moosburg, { q: 'beratungsbus schulhof' })).toEqual([s.later.id]);
		expect(await ids(s.moosburg, { q: 'Deutschkurs' })).toEqual([]);
		// a city outside the district sees none
		const city = await buildTenant(database.db);
		expect(await ids(city)).toEqual([]);
		// the start page's list is the same
		const page = await publicTouringStops(testTenantCtx(database.db, s.moosburg), { limit: 1 });
		expect(page.map((x) => x.id)).toEqual([s.next.id]);
	});

	it('a cancelled stop and an unpublished project disappear', async () => {
		const s = await withStops();
		await decideTouringStop(s.lra, { stopId: s.next.id, decision: 'cancel' });
		expect(
			(await upcomingTouringStops(database.db, await scope(s.moosburg))).map((x) => x.id)
		).toEqual([s.later.id]);
		await updateTouringProject(s.lra, {
			projectId: s.projectId,
			title: 'Mobile Elternbegleitung – Beratungsbus',
			status: 'draft'
		});
		expect(await upcomingTouringStops(database.db, await scope(s.district))).toEqual([]);
		await expect(
			touringStopIcs(testTenantCtx(database.db, s.moosburg), { stopId: s.later.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('gives each stop an .ics file and puts the stops in the feed (read with ical.js)', async () => {
		const s = await withStops();
		const ctx = testTenantCtx(database.db, s.moosburg);
		const [event] = parseEvents(await touringStopIcs(ctx, { stopId: s.next.id }));
		expect(event.summary).toBe('Mobile Elternbegleitung – Beratungsbus – Stadt Moosburg a.d.Isar');
		expect(event.location).toBe('Stadtplatz, Stadt Moosburg a.d.Isar');
		expect(event.startDate.toString()).toBe(`${day(10)}T09:30:00`);
		expect(event.endDate.toString()).toBe(`${day(10)}T12:30:00`);
		expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
		// the instant is right too (09:30 in Berlin)
		expect(event.startDate.toJSDate().getTime()).toBe(
			(await upcomingTouringStops(database.db, await scope(s.moosburg)))[0].startsAt.getTime()
		);
		// another municipality's stop is not Moosburg's to hand out
		await expect(touringStopIcs(ctx, { stopId: s.echingStop.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(touringStopIcs(ctx, { stopId: 'kein-uuid' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		// Moosburg's feed: its stops from 90 days back (the past one included), not Eching's
		const feed = parseEvents(await touringFeed(ctx)).map((e) => e.location);
		expect(feed).toEqual([
			'Stadtplatz (vorbei), Stadt Moosburg a.d.Isar',
			'Stadtplatz, Stadt Moosburg a.d.Isar',
			'Schulhof, Stadt Moosburg a.d.Isar'
		]);
		const districtFeed = parseEvents(await touringFeed(testTenantCtx(database.db, s.district)));
		expect(districtFeed).toHaveLength(4);
	});
});
