import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/client';
import { createTestDb, testCtx } from '../db/testing/test-db';
import { buildMeeting, buildTenant, buildUser, grantRole } from '../factories';
import { createSession, loadActor } from '../auth/sessions';
import { sessions, signInThrottles, users } from '../auth/schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { auditLog } from '../audit/schema';
import { enqueueMail } from '../mail/enqueue';
import { meetingAttendance } from '../minutes/schema';
import { contributionSupports, contributions } from '../participation/schema';
import { deleteMyAccount, erasureBlockers } from './erase';
import { exportMyData } from './export';
import { buildPersonWithData } from './testing';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database?.close());

/** Every text, JSON and array column of the database: where personal data could be. */
async function textColumns(): Promise<{ table: string; column: string }[]> {
	const result = await database.db.execute(sql`
		SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_%'
		  AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
	return rowsOf<{ table: string; column: string }>(result);
}

/** The places (table.column) whose values contain `needle` (case-insensitive), with counts. */
async function whereFound(needle: string): Promise<Record<string, number>> {
	const found: Record<string, number> = {};
	for (const { table, column } of await textColumns()) {
		const result = await database.db.execute(sql`
			SELECT count(*)::int AS n FROM ${sql.identifier(table)}
			WHERE strpos(lower(${sql.identifier(column)}::text), lower(${needle})) > 0`);
		const n = rowsOf<{ n: number }>(result)[0].n;
		if (n > 0) found[`${table}.${column}`] = n;
	}
	return found;
}

describe('deleteMyAccount', () => {
	let alice: Awaited<ReturnType<typeof buildPersonWithData>>;
	let bob: Awaited<ReturnType<typeof buildPersonWithData>>;
	let bobBefore: Record<string, number>;
	beforeAll(async () => {
		const db = database.db;
		alice = await buildPersonWithData(db, 'Stadt Alpha', 'AliceXq7');
		bob = await buildPersonWithData(db, 'Landkreis Beta', 'BobZk4');
		// Bob coordinates Alice's tenant and acts on her: he records her role change
		await grantRole(db, alice.tenant.id, bob.user.id, 'coordinator');
		await recordAudit(
			db,
			{ actor: { userId: bob.user.id } },
			{
				tenantId: alice.tenant.id,
				action: 'member.remove',
				entityType: 'user',
				entityId: alice.user.id,
				before: { name: alice.user.name, email: alice.user.email, role: 'member' }
			}
		);
		// approved minutes with Alice present, a session, a support, a mail and a throttle key
		const approved = await buildMeeting(db, alice.body, {
			title: 'Beschlossene Sitzung',
			minutesState: 'approved'
		});
		await db.insert(meetingAttendance).values({
			tenantId: alice.tenant.id,
			meetingId: approved.id,
			userId: alice.user.id,
			affiliation: 'Verein',
			status: 'present'
		});
		await createSession(db, alice.user.id);
		const [contribution] = await db
			.select()
			.from(contributions)
			.where(eq(contributions.authorId, bob.user.id));
		await db.insert(contributionSupports).values({
			tenantId: contribution.tenantId,
			contributionId: contribution.id,
			supporterKey: `user:${alice.user.id}`
		});
		await enqueueMail(db, alice.tenant.id, {
			to: alice.user.email,
			subject: 'Einladung',
			text: `Hallo ${alice.user.name}`
		});
		await db.insert(signInThrottles).values({
			key: `pair:${alice.user.email}|127.0.0.1`,
			failures: 2,
			updatedAt: new Date()
		});
		bobBefore = {
			...(await whereFound(bob.user.email)),
			...(await whereFound(bob.user.name))
		};
	});

	it('refuses a wrong password or a missing confirmation, and an anonymous request', async () => {
		const ctx = testCtx(database.db, alice.actor);
		await expect(deleteMyAccount(ctx, { password: 'falsch', confirm: 'on' })).rejects.toEqual(
			new ValidationError({ password: 'error_current_password_wrong' })
		);
		await expect(
			deleteMyAccount(ctx, { password: 'correct horse battery' })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			deleteMyAccount(testCtx(database.db, null), { password: 'x', confirm: 'on' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await database.db.select().from(users).where(eq(users.id, alice.user.id))).toHaveLength(
			1
		);
	});

	it("removes the person's data everywhere except the kept records, and leaves others' data", async () => {
		const db = database.db;
		expect(Object.keys(await whereFound(alice.user.email)).length).toBeGreaterThan(5);
		await deleteMyAccount(testCtx(db, alice.actor, { requestId: 'req-1' }), {
			password: 'correct horse battery',
			confirm: 'on'
		});

		// no e-mail address, id or earlier name of Alice anywhere
		expect(await whereFound(alice.user.email)).toEqual({});
		expect(await whereFound(alice.user.id)).toEqual({});
		expect(await whereFound('Alt AliceXq7')).toEqual({});
		// her name only in the attendance of the approved minutes, as recorded there
		expect(await whereFound(alice.user.name)).toEqual({ 'meeting_attendance.guest_name': 1 });
		const [kept] = await db
			.select()
			.from(meetingAttendance)
			.where(eq(meetingAttendance.guestName, alice.user.name));
		expect(kept).toMatchObject({ userId: null, affiliation: 'Verein', status: 'present' });

		// the audit log keeps her entries under one pseudonym
		const hers = await db
			.select()
			.from(auditLog)
			.where(sql`${auditLog.actorPseudonym} IS NOT NULL`);
		expect(hers).toHaveLength(1);
		const pseudonym = hers[0].actorPseudonym!;
		expect(pseudonym).toMatch(/^person-[0-9a-f]{12}$/);
		expect(hers[0]).toMatchObject({ actorId: null, action: 'user.rename', entityId: pseudonym });
		const removal = await db.select().from(auditLog).where(eq(auditLog.action, 'member.remove'));
		expect(removal[0]).toMatchObject({
			actorId: bob.user.id,
			entityId: pseudonym,
			before: { name: pseudonym, email: pseudonym, role: 'member' }
		});
		expect(await db.select().from(auditLog).where(eq(auditLog.action, 'user.erase'))).toEqual([
			expect.objectContaining({ actorId: null, entityId: pseudonym, requestId: 'req-1' })
		]);
		// sessions ended with the account
		expect(await db.select().from(sessions).where(eq(sessions.userId, alice.user.id))).toEqual([]);
		expect(await loadActor(db, alice.user.id)).toBeNull();
		// her contribution stays in the consultation without her
		expect(
			await db
				.select()
				.from(contributions)
				.where(sql`${contributions.body} = 'Beitrag AliceXq7'`)
		).toEqual([expect.objectContaining({ authorId: null, authorName: null })]);

		// Bob's data is where it was, and his export is whole
		expect({
			...(await whereFound(bob.user.email)),
			...(await whereFound(bob.user.name))
		}).toEqual(bobBefore);
		const bobsData = await exportMyData(testCtx(db, bob.actor));
		expect(bobsData.data.messages_sent).toHaveLength(1);
		expect(bobsData.data.contributions).toHaveLength(1);
		expect(bobsData.data.tenant_roles).toHaveLength(2);
	});

	it('refuses the last coordinator of a network until a successor is named', async () => {
		const db = database.db;
		const tenant = await buildTenant(db, { name: 'Gemeinde Gamma' });
		const carol = await buildUser(db, { name: 'Carol Einzig' });
		await grantRole(db, tenant.id, carol.id, 'coordinator');
		const ctx = testCtx(db, await loadActor(db, carol.id));
		expect(await erasureBlockers(ctx)).toEqual(['Gemeinde Gamma']);
		await expect(
			deleteMyAccount(ctx, { password: 'correct horse battery', confirm: 'on' })
		).rejects.toEqual(new ValidationError({ form: 'privacy_erasure_last_coordinator' }));
		expect(await db.select().from(users).where(eq(users.id, carol.id))).toHaveLength(1);

		const successor = await buildUser(db);
		await grantRole(db, tenant.id, successor.id, 'coordinator');
		expect(await erasureBlockers(ctx)).toEqual([]);
		await deleteMyAccount(ctx, { password: 'correct horse battery', confirm: 'on' });
		expect(await db.select().from(users).where(eq(users.id, carol.id))).toEqual([]);
	});
});
