import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { inBody, tenantScenario, type TestRole } from '../db/testing/test-actors';
import { buildBody, buildBodyHost, buildMeeting, buildOrganization } from '../factories';
import { buildCaritas } from './testing';
import { auditLog } from '../audit/schema';
import { bodies, bodyHosts, bodySkippedDates, type MembershipRole } from '../bodies/schema';
import { NotFoundError, ValidationError } from '../errors';
import { meetings } from './schema';
import { berlinInstant } from '../shared';
import { acceptProposal, listProposals, skipProposal, unskipDate } from './series';

/** "Now" for these tests: Friday 24 April 2026, noon in Berlin. */
const NOW = berlinInstant('2026-04-24', '12:00');

const setup = useTestSetup(async (db: Db, land: string = 'BY') => {
	const { tenant, other, ctxFor: actor } = await tenantScenario(db, { land });
	const body = await buildBody(db, tenant.id, {
		name: 'Netzwerk Integration',
		cadenceKind: 'weeks',
		cadenceMinWeeks: 6,
		cadenceMaxWeeks: 8,
		preferredWeekday: 4,
		preferredTime: '18:00',
		durationMinutes: 120,
		rotateHost: true,
		defaultLocation: 'Rathaus, Sitzungssaal'
	});
	const caritas = await buildCaritas(db, tenant.id);
	const awo = await buildOrganization(db, tenant.id, { name: 'AWO' });
	const vhs = await buildOrganization(db, tenant.id, { name: 'VHS' });
	for (const org of [caritas, awo, vhs]) await buildBodyHost(db, body, org.id);
	await db
		.update(bodyHosts)
		.set({ location: 'VHS, Raum 3' })
		.where(and(eq(bodyHosts.bodyId, body.id), eq(bodyHosts.organizationId, vhs.id)));
	// the last meeting: Thursday 23 April 2026, hosted by AWO
	await buildMeeting(db, body, {
		startsAt: berlinInstant('2026-04-23', '18:00'),
		hostOrganizationId: awo.id,
		state: 'held'
	});
	const ctxFor = (role: TestRole, bodyRole?: MembershipRole) => actor(role, inBody(body, bodyRole));
	return { db, tenant, other, body, caritas, awo, vhs, ctxFor };
});

describe('listProposals', () => {
	it('proposes dates from the settings, skipping Bavarian holidays, with rotating hosts', async () => {
		const { body, caritas, vhs, ctxFor } = await setup('BY');
		const ctx = await ctxFor('coordinator');
		const series = await listProposals(ctx, { bodyId: body.id, count: 3 }, NOW);
		expect(series.land).toBe('BY');
		expect(series.proposals.map((p) => p.date)).toEqual(['2026-06-11', '2026-07-23', '2026-09-03']);
		expect(series.proposals[0].shifts).toEqual([
			{ kind: 'holiday', date: '2026-06-04', name: 'Fronleichnam' }
		]);
		expect(series.proposals[0].startTime).toBe('18:00');
		expect(series.proposals[0].endTime).toBe('20:00');
		// AWO hosted last: Caritas and VHS never hosted, in name order; then AWO
		expect(series.proposals.map((p) => p.host?.name)).toEqual(['Caritas', 'VHS', 'AWO']);
		expect(series.proposals[0].host?.organizationId).toBe(caritas.id);
		expect(series.proposals[0].location).toBe('Seligenthaler Str. 1, 84034 Landshut');
		// the pool entry's own place wins over the organisation's address
		expect(series.proposals[1].host?.organizationId).toBe(vhs.id);
		expect(series.proposals[1].location).toBe('VHS, Raum 3');
	});

	it('uses the Land of the tenant: no Fronleichnam in Lower Saxony', async () => {
		const { body, ctxFor } = await setup('NI');
		const ctx = await ctxFor('coordinator');
		const series = await listProposals(ctx, { bodyId: body.id, count: 1 }, NOW);
		expect(series.proposals[0].date).toBe('2026-06-04');
	});

	it('ignores cancelled meetings and continues after planned ones', async () => {
		const { db, body, ctxFor } = await setup('NI');
		await buildMeeting(db, body, {
			startsAt: berlinInstant('2026-06-04', '18:00'),
			state: 'cancelled'
		});
		const ctx = await ctxFor('coordinator');
		expect((await listProposals(ctx, { bodyId: body.id, count: 1 }, NOW)).proposals[0].date).toBe(
			'2026-06-04'
		);
		await buildMeeting(db, body, { startsAt: berlinInstant('2026-06-04', '18:00') });
		const series = await listProposals(ctx, { bodyId: body.id, count: 1 }, NOW);
		expect(series.proposals[0].date).toBe('2026-07-16');
		expect(series.upcoming.map((m) => m.startsAt.toISOString())).toEqual([
			'2026-06-04T16:00:00.000Z'
		]);
	});

	it('without host rotation, proposes the default place and no host', async () => {
		const { db, body, ctxFor } = await setup();
		await db.update(bodies).set({ rotateHost: false }).where(eq(bodies.id, body.id));
		const series = await listProposals(
			await ctxFor('coordinator'),
			{ bodyId: body.id, count: 2 },
			NOW
		);
		expect(series.proposals.map((p) => [p.host, p.location])).toEqual([
			[null, 'Rathaus, Sitzungssaal'],
			[null, 'Rathaus, Sitzungssaal']
		]);
	});

	it('is for those who manage the meetings only; body speakers too', async () => {
		const { body, ctxFor } = await setup();
		for (const ctx of [
			await ctxFor('member'),
			await ctxFor('member', 'member'),
			await ctxFor('editor'),
			await ctxFor('other'),
			await ctxFor('none')
		])
			await expect(listProposals(ctx, { bodyId: body.id, count: 1 }, NOW)).rejects.toThrow(
				NotFoundError
			);
		const speaker = await ctxFor('member', 'speaker');
		expect(
			(await listProposals(speaker, { bodyId: body.id, count: 1 }, NOW)).proposals
		).toHaveLength(1);
	});
});

describe('acceptProposal and skipProposal', () => {
	it('accepting creates a planned meeting with the proposed host and its address, audited', async () => {
		const { db, tenant, body, caritas, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await acceptProposal(ctx, { date: '2026-06-11', bodyId: body.id }, NOW);
		const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
		expect(row).toMatchObject({
			tenantId: tenant.id,
			bodyId: body.id,
			state: 'planned',
			locationKind: 'host',
			hostOrganizationId: caritas.id,
			location: 'Seligenthaler Str. 1, 84034 Landshut',
			createdBy: ctx.actor!.userId
		});
		expect(row.startsAt.toISOString()).toBe('2026-06-11T16:00:00.000Z');
		expect(row.endsAt.toISOString()).toBe('2026-06-11T18:00:00.000Z');
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'meeting.create')));
		expect(audit.after).toMatchObject({ source: 'series' });
		// the series moves on: the next proposal is six weeks later, by the next host
		const series = await listProposals(ctx, { bodyId: body.id, count: 1 }, NOW);
		expect(series.proposals[0].date).toBe('2026-07-23');
		expect(series.proposals[0].host?.name).toBe('VHS');
	});

	it('refuses a date that is not (or no longer) proposed', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		await expect(acceptProposal(ctx, { date: '2026-06-04', bodyId: body.id }, NOW)).rejects.toThrow(
			ValidationError
		);
		await expect(acceptProposal(ctx, { date: 'morgen', bodyId: body.id }, NOW)).rejects.toThrow(
			ValidationError
		);
		await acceptProposal(ctx, { date: '2026-06-11', bodyId: body.id }, NOW);
		// accepting the same proposal twice (e.g. a double click) does not create a second meeting
		await expect(acceptProposal(ctx, { date: '2026-06-11', bodyId: body.id }, NOW)).rejects.toThrow(
			ValidationError
		);
		const rows = await db.select().from(meetings).where(eq(meetings.bodyId, body.id));
		expect(rows).toHaveLength(2);
	});

	it('members and other tenants cannot accept or skip', async () => {
		const { body, ctxFor } = await setup();
		for (const ctx of [await ctxFor('member', 'member'), await ctxFor('other')]) {
			await expect(
				acceptProposal(ctx, { date: '2026-06-11', bodyId: body.id }, NOW)
			).rejects.toThrow(NotFoundError);
			await expect(skipProposal(ctx, { date: '2026-06-11', bodyId: body.id }, NOW)).rejects.toThrow(
				NotFoundError
			);
		}
	});

	it('skipping records the date; the series continues after it; taking it back restores it', async () => {
		const { db, tenant, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		await skipProposal(ctx, { date: '2026-06-11', bodyId: body.id }, NOW);
		const [skipped] = await db
			.select()
			.from(bodySkippedDates)
			.where(eq(bodySkippedDates.bodyId, body.id));
		expect(skipped).toMatchObject({ date: '2026-06-11', createdBy: ctx.actor!.userId });
		const series = await listProposals(ctx, { bodyId: body.id, count: 2 }, NOW);
		expect(series.proposals.map((p) => p.date)).toEqual(['2026-06-18', '2026-07-30']);
		expect(series.proposals[0].shifts.map((s) => s.kind)).toEqual(['holiday', 'skipped']);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'meeting.series_skip')));
		expect(audit.after).toMatchObject({ date: '2026-06-11' });

		// unskipDate uses the real clock; only future skipped dates can be taken back
		const future = '2099-01-01';
		await db
			.insert(bodySkippedDates)
			.values({ tenantId: tenant.id, bodyId: body.id, date: future });
		await unskipDate(ctx, { date: future, bodyId: body.id });
		const left = await db
			.select()
			.from(bodySkippedDates)
			.where(eq(bodySkippedDates.bodyId, body.id));
		expect(left.map((r) => r.date)).toEqual(['2026-06-11']);
		await expect(unskipDate(ctx, { date: future, bodyId: body.id })).rejects.toThrow(NotFoundError);
	});
});
