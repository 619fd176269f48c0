import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import { buildBody, buildMembership, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { NotFoundError } from '../errors';
import { berlinToday } from '../shared';
import { bodyJoinRequests, bodyMemberships } from './schema';
import { changeMembership, endMembership } from './memberships';
import { decideJoinRequest, requestToJoin, withdrawJoinRequest } from './join-requests';
import { members } from './view-parts';

const database = useTestDb();

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung', visibility: 'network' });
	const otherBody = await buildBody(db, tenant.id, { name: 'AK Sport', visibility: 'network' });
	const coordinator = await buildUser(db);
	await grantRole(db, tenant.id, coordinator.id, 'coordinator');
	const member = await buildUser(db);
	await grantRole(db, tenant.id, member.id, 'member');
	const ctxOf = async (userId: string) => testTenantCtx(db, tenant, await loadActor(db, userId));
	return { db, tenant, body, otherBody, coordinator, member, ctxOf };
}

describe('a membership is changed only through the body the URL names', () => {
	it('?/change with another body in the URL: NotFoundError and nothing saved', async () => {
		const { db, body, otherBody, coordinator, member, ctxOf } = await setup();
		const m = await buildMembership(db, body, member.id, 'member');
		const ctx = await ctxOf(coordinator.id);
		await expect(
			changeMembership(ctx, { bodyId: otherBody.id, membershipId: m.id, role: 'speaker' })
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, m.id));
		expect(row.role).toBe('member');
		// through its own body it works and answers with the person's name
		const done = await changeMembership(ctx, {
			bodyId: body.id,
			membershipId: m.id,
			role: 'speaker'
		});
		expect(done.name).toBe(member.name);
	});

	it('?/end with another body in the URL: NotFoundError and the membership stays open', async () => {
		const { db, body, otherBody, coordinator, member, ctxOf } = await setup();
		const m = await buildMembership(db, body, member.id, 'member');
		const ctx = await ctxOf(coordinator.id);
		await expect(
			endMembership(ctx, { bodyId: otherBody.id, membershipId: m.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			endMembership(ctx, { bodyId: 'not-a-uuid', membershipId: m.id })
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, m.id));
		expect(row.endDate).toBeNull();
	});

	it('join requests are withdrawn and decided only through their own body', async () => {
		const { db, body, otherBody, coordinator, member, ctxOf } = await setup();
		const { id } = await requestToJoin(await ctxOf(member.id), { bodyId: body.id });
		await expect(
			withdrawJoinRequest(await ctxOf(member.id), { bodyId: otherBody.id, requestId: id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			decideJoinRequest(await ctxOf(coordinator.id), {
				bodyId: otherBody.id,
				requestId: id,
				decision: 'accept'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.id, id));
		expect(row.status).toBe('pending');
		const rows = await db
			.select()
			.from(bodyMemberships)
			.where(eq(bodyMemberships.userId, member.id));
		expect(rows).toHaveLength(0);
	});
});

describe('current memberships by the Berlin calendar day', () => {
	it('a membership starting on the Berlin day counts at 00:30 in Berlin (23:30 UTC the day before)', async () => {
		const { db, body, member } = await setup();
		// 2026-03-01 00:30 CET = 2026-02-28 23:30 UTC
		const instant = new Date('2026-02-28T23:30:00Z');
		const day = berlinToday(instant);
		expect(day).toBe('2026-03-01');
		const utcDay = instant.toISOString().slice(0, 10);
		await buildMembership(db, body, member.id, 'deputy', { startDate: day });
		// the actor's body roles
		expect((await loadActor(db, member.id, day))?.bodyRoles[body.id]).toBe('deputy');
		expect((await loadActor(db, member.id, utcDay))?.bodyRoles[body.id]).toBeUndefined();
		// the member list
		const list = await members(db, body, day);
		expect(list.current.map((x) => x.userId)).toEqual([member.id]);
	});

	it('a membership that ended on the Berlin day before is over at 00:30 in Berlin', async () => {
		const { db, body, member } = await setup();
		const day = berlinToday(new Date('2026-06-30T22:30:00Z')); // 00:30 on 1 July in Berlin
		expect(day).toBe('2026-07-01');
		await buildMembership(db, body, member.id, 'speaker', {
			startDate: '2025-01-01',
			endDate: '2026-06-30'
		});
		expect((await loadActor(db, member.id, day))?.bodyRoles[body.id]).toBeUndefined();
		expect((await loadActor(db, member.id, '2026-06-30'))?.bodyRoles[body.id]).toBe('speaker');
		const list = await members(db, body, day);
		expect(list.current).toHaveLength(0);
		expect(list.former.map((x) => x.userId)).toEqual([member.id]);
	});
});
