import { describe, expect, it } from 'vitest';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx, type BodyRef } from '../db/testing/test-actors';
import { buildBody, buildMeeting, buildTenant } from '../factories';
import type { Role } from '../auth/schema';
import { berlinInstant } from '../shared';
import {
	calendarBodies,
	listMeetingsPage,
	listMonthMeetings,
	monthGrid,
	nextMeetings,
	nextMeetingsAcrossTenants,
	parseMonth,
	shiftMonth
} from './calendar';

const setup = useTestSetup(async (db: Db) => {
	const tenant = await buildTenant(db, { name: 'Stadt A' });
	const network = await buildBody(db, tenant.id, { name: 'Netzwerk', visibility: 'network' });
	const closed = await buildBody(db, tenant.id, { name: 'Beirat', visibility: 'members' });
	const ctxFor = (role: Role, memberOf: BodyRef[] = []) =>
		actorCtx(db, tenant, role, {
			bodies: memberOf.map((body) => ({ body, startDate: '2026-01-01' }))
		});
	return { db, tenant, network, closed, ctxFor };
});

describe('month grid', () => {
	it('rows of weeks, Monday first, with the days around the month', () => {
		const weeks = monthGrid('2026-02', '2026-02-14');
		// February 2026 starts on a Sunday: the first row begins on Monday 26 January
		expect(weeks[0][0]).toMatchObject({ date: '2026-01-26', inMonth: false });
		expect(weeks[0][6]).toMatchObject({ date: '2026-02-01', inMonth: true, day: 1 });
		expect(weeks.at(-1)!.at(-1)).toMatchObject({ date: '2026-03-01', inMonth: false });
		expect(weeks).toHaveLength(5);
		expect(
			weeks
				.flat()
				.filter((c) => c.isToday)
				.map((c) => c.date)
		).toEqual(['2026-02-14']);
		expect(monthGrid('2026-06', '2026-01-01')[0][0].date).toBe('2026-06-01');
	});

	it('reads the month from the query or takes the current one', () => {
		expect(parseMonth('2026-12', '2026-03-05')).toBe('2026-12');
		expect(parseMonth('2026-13', '2026-03-05')).toBe('2026-03');
		expect(parseMonth("2026-1'", '2026-03-05')).toBe('2026-03');
		expect(parseMonth(null, '2026-03-05')).toBe('2026-03');
		expect(shiftMonth('2026-12', 1)).toBe('2027-01');
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
	});
});

describe('calendar lists', () => {
	it('a month holds the meetings starting in it in Berlin time, of visible bodies only', async () => {
		const { db, network, closed, ctxFor } = await setup();
		// 00:30 on 1 March in Berlin is still February in UTC
		const early = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-03-01', '00:30')
		});
		const late = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-03-31', '21:00')
		});
		await buildMeeting(db, network, { startsAt: berlinInstant('2026-02-28', '23:30') });
		await buildMeeting(db, network, { startsAt: berlinInstant('2026-04-01', '00:00') });
		const secret = await buildMeeting(db, closed, {
			startsAt: berlinInstant('2026-03-10', '18:00')
		});

		const member = await ctxFor('member');
		const march = await listMonthMeetings(member, { month: '2026-03' });
		expect(march.map((m) => m.id)).toEqual([early.id, late.id]);
		expect(march[0].body).toMatchObject({ id: network.id, name: 'Netzwerk' });

		const closedMember = await ctxFor('member', [closed]);
		expect((await listMonthMeetings(closedMember, { month: '2026-03' })).map((m) => m.id)).toEqual([
			early.id,
			secret.id,
			late.id
		]);
		const coordinator = await ctxFor('coordinator');
		expect(
			await listMonthMeetings(coordinator, { month: '2026-03', bodyId: closed.id })
		).toHaveLength(1);
		expect((await calendarBodies(member)).map((b) => b.name)).toEqual(['Netzwerk']);
		expect((await calendarBodies(coordinator)).map((b) => b.name)).toEqual(['Beirat', 'Netzwerk']);
	});

	it('the list shows upcoming meetings first (soonest first), then past ones (latest first)', async () => {
		const { db, network, ctxFor } = await setup();
		const now = berlinInstant('2026-06-15', '12:00');
		const past1 = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-05-01', '18:00')
		});
		const past2 = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-06-01', '18:00')
		});
		const next2 = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-08-01', '18:00')
		});
		const next1 = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-07-01', '18:00')
		});
		const { meetings, hasMore, page } = await listMeetingsPage(await ctxFor('member'), {}, now);
		expect(meetings.map((m) => m.id)).toEqual([next1.id, next2.id, past2.id, past1.id]);
		expect(hasMore).toBe(false);
		expect(page).toBe(1);
	});

	it('next meetings: of the own bodies, else of all visible ones; over or held ones left out', async () => {
		const { db, tenant, network, closed, ctxFor } = await setup();
		const now = berlinInstant('2026-06-15', '12:00');
		const other = await buildBody(db, tenant.id, { name: 'AK Sport', visibility: 'network' });
		await buildMeeting(db, network, { startsAt: berlinInstant('2026-06-01', '18:00') });
		await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-06-20', '18:00'),
			state: 'held'
		});
		const n1 = await buildMeeting(db, network, { startsAt: berlinInstant('2026-07-01', '18:00') });
		const cancelled = await buildMeeting(db, network, {
			startsAt: berlinInstant('2026-07-08', '18:00'),
			state: 'cancelled'
		});
		const sport = await buildMeeting(db, other, { startsAt: berlinInstant('2026-06-30', '18:00') });
		const secret = await buildMeeting(db, closed, {
			startsAt: berlinInstant('2026-06-16', '18:00')
		});

		const inNetwork = await ctxFor('member', [network]);
		expect((await nextMeetings(inNetwork, { limit: 5 }, now)).map((m) => m.id)).toEqual([
			n1.id,
			cancelled.id
		]);
		const noBody = await ctxFor('member');
		expect((await nextMeetings(noBody, { limit: 5 }, now)).map((m) => m.id)).toEqual([
			sport.id,
			n1.id,
			cancelled.id
		]);
		expect(await nextMeetings(noBody, { limit: 1 }, now)).toHaveLength(1);
		const inClosed = await ctxFor('member', [closed]);
		expect((await nextMeetings(inClosed, { limit: 5 }, now)).map((m) => m.id)).toEqual([secret.id]);
		const across = await nextMeetingsAcrossTenants(inNetwork, 5, now);
		expect(across.map((m) => [m.id, m.tenant.name])).toEqual([
			[n1.id, 'Stadt A'],
			[cancelled.id, 'Stadt A']
		]);
	});
});
