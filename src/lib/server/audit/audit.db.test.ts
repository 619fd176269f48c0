import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from './schema';
import { recordAudit } from './record';
import { auditFilter, listAudit, PAGE_SIZE } from './service';

const database = useTestDb();

/** A tenant of its own with a coordinator (who reads the log) and a second person. */
async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db);
	const coordinator = await buildUser(db, { name: 'Anna Auditorin' });
	await grantRole(db, tenant.id, coordinator.id, 'coordinator');
	const other = await buildUser(db, {
		name: 'Bernd Beispiel',
		email: `bernd-${tenant.slug}@example.org`
	});
	await grantRole(db, tenant.id, other.id, 'member');
	const ctx = testTenantCtx(db, tenant, await loadActor(db, coordinator.id));
	/** writes one audit row at the given time */
	async function entry(
		action: string,
		at: string,
		actorId: string | null = coordinator.id,
		entityType = 'invitation'
	) {
		const entityId = `${tenant.id}/${at}`;
		await recordAudit(
			db,
			{ actor: actorId ? { userId: actorId } : null },
			{ tenantId: tenant.id, action, entityType, entityId }
		);
		const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
		await db
			.update(auditLog)
			.set({ createdAt: new Date(at) })
			.where(eq(auditLog.id, row.id));
		return row.id;
	}
	const list = (filter: Record<string, unknown> = {}) => listAudit(ctx, filter);
	return { db, tenant, coordinator, other, ctx, entry, list };
}

describe('listAudit', () => {
	it('lists newest first with the actor’s name and e-mail', async () => {
		const { coordinator, entry, list } = await setup();
		const older = await entry('invitation.create', '2026-02-01T10:00:00Z');
		const newer = await entry('invitation.revoke', '2026-02-02T10:00:00Z');
		const system = await entry('user.create', '2026-02-03T10:00:00Z', null, 'user');
		const { rows, hasMore, actions } = await list();
		expect(rows.map((r) => r.id)).toEqual([system, newer, older]);
		expect(rows[1]).toMatchObject({
			actorName: 'Anna Auditorin',
			actorEmail: coordinator.email,
			action: 'invitation.revoke'
		});
		expect(rows[0]).toMatchObject({ actorName: null, actorEmail: null, entityType: 'user' });
		expect(hasMore).toBe(false);
		expect(actions).toEqual(['invitation.create', 'invitation.revoke', 'user.create']);
	});

	it('filters by action and by entity type', async () => {
		const { entry, list } = await setup();
		const created = await entry('invitation.create', '2026-02-01T10:00:00Z');
		await entry('invitation.revoke', '2026-02-02T10:00:00Z');
		const user = await entry('user.create', '2026-02-03T10:00:00Z', null, 'user');
		expect((await list({ action: 'invitation.create' })).rows.map((r) => r.id)).toEqual([created]);
		expect((await list({ entityType: 'user' })).rows.map((r) => r.id)).toEqual([user]);
		expect((await list({ action: 'tenant.create' })).rows).toEqual([]);
	});

	it('filters by the actor’s name or e-mail, ignoring case, with wildcards taken literally', async () => {
		const { other, entry, list } = await setup();
		const byAnna = await entry('invitation.create', '2026-02-01T10:00:00Z');
		const byBernd = await entry('invitation.create', '2026-02-02T10:00:00Z', other.id);
		await entry('user.create', '2026-02-03T10:00:00Z', null);
		expect((await list({ actor: 'auditorin' })).rows.map((r) => r.id)).toEqual([byAnna]);
		expect((await list({ actor: 'BERND-' })).rows.map((r) => r.id)).toEqual([byBernd]);
		expect((await list({ actor: '%' })).rows).toEqual([]);
		expect((await list({ actor: '_' })).rows).toEqual([]);
	});

	it('filters by date range, both days included, with days as in Germany', async () => {
		const { entry, list } = await setup();
		await entry('a', '2026-03-09T12:00:00Z');
		// 23:30 UTC on the 9th is already 00:30 on the 10th in Berlin (CET)
		const earlyOnTenth = await entry('b', '2026-03-09T23:30:00Z');
		const tenth = await entry('c', '2026-03-10T12:00:00Z');
		const eleventh = await entry('d', '2026-03-11T22:30:00Z');
		// 23:30 UTC on the 11th is 00:30 on the 12th in Berlin
		await entry('e', '2026-03-11T23:30:00Z');
		await entry('f', '2026-03-13T12:00:00Z');
		const ids = (filter: Record<string, string>) =>
			list(filter).then((r) => r.rows.map((x) => x.id));
		expect(await ids({ from: '2026-03-10', to: '2026-03-11' })).toEqual([
			eleventh,
			tenth,
			earlyOnTenth
		]);
		expect(await ids({ from: '2026-03-13' })).toHaveLength(1);
		expect(await ids({ to: '2026-03-09' })).toHaveLength(1);
		expect(await ids({ from: '2026-03-10', to: '2026-03-10' })).toEqual([tenth, earlyOnTenth]);
	});

	it('ignores malformed filter values instead of failing', async () => {
		const { entry, list } = await setup();
		await entry('a', '2026-03-09T12:00:00Z');
		const result = await list({ from: 'gestern', to: '31.12.2026', page: 'zwei' });
		expect(result.rows).toHaveLength(1);
		expect(auditFilter.parse({ page: '0' }).page).toBe(1);
	});

	it(`pages by ${PAGE_SIZE}`, async () => {
		const { entry, list } = await setup();
		const ids: number[] = [];
		for (let i = 0; i <= PAGE_SIZE; i++) {
			ids.push(await entry('bulk', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));
		}
		const newestFirst = [...ids].reverse();
		const first = await list();
		expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, PAGE_SIZE));
		expect(first.hasMore).toBe(true);
		const second = await list({ page: '2' });
		expect(second.rows.map((r) => r.id)).toEqual([ids[0]]);
		expect(second.hasMore).toBe(false);
		expect((await list({ page: '3' })).rows).toEqual([]);
	});

	it('shows only the tenant’s own rows, even to the platform admin', async () => {
		const mine = await setup();
		const theirs = await setup();
		const own = await mine.entry('mine.action', '2026-04-01T10:00:00Z');
		await theirs.entry('their.action', '2026-04-01T11:00:00Z');
		await recordAudit(
			database.db,
			{},
			{ tenantId: null, action: 'platform.action', entityType: 'tenant' }
		);
		const result = await mine.list();
		expect(result.rows.map((r) => r.id)).toEqual([own]);
		expect(result.actions).toEqual(['mine.action']);

		const admin = await loadActor(
			database.db,
			(await buildUser(database.db, { isPlatformAdmin: true })).id
		);
		const asAdmin = await listAudit(testTenantCtx(database.db, mine.tenant, admin), {});
		expect(asAdmin.rows.map((r) => r.id)).toEqual([own]);
	});
});

describe('recordAudit', () => {
	it('redacts secrets at any depth and keeps the rest', async () => {
		const { db, tenant, coordinator } = await setup();
		await recordAudit(
			db,
			{ actor: { userId: coordinator.id }, requestId: 'req-1' },
			{
				tenantId: tenant.id,
				action: 'secret.test',
				entityType: 'user',
				entityId: 'redaction',
				before: { passwordHash: '$argon2id$v=19$secret', name: 'Alt' },
				after: {
					name: 'Neu',
					token: 'klartext-token',
					nested: { tokenHash: 'abc123', password: 'hunter2-hunter2', keep: 1 },
					list: [{ token: 'im-array' }, 'text'],
					at: new Date('2026-05-01T08:00:00Z')
				}
			}
		);
		const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, 'redaction'));
		expect(row).toMatchObject({ tenantId: tenant.id, actorId: coordinator.id, requestId: 'req-1' });
		expect(row.before).toEqual({ passwordHash: '[redacted]', name: 'Alt' });
		expect(row.after).toEqual({
			name: 'Neu',
			token: '[redacted]',
			nested: { tokenHash: '[redacted]', password: '[redacted]', keep: 1 },
			list: [{ token: '[redacted]' }, 'text'],
			at: '2026-05-01T08:00:00.000Z'
		});
		const stored = JSON.stringify([row.before, row.after]);
		for (const secret of ['$argon2id$', 'klartext-token', 'abc123', 'hunter2', 'im-array']) {
			expect(stored).not.toContain(secret);
		}
	});

	it('stores null for absent before/after', async () => {
		const { db, tenant } = await setup();
		await recordAudit(
			db,
			{},
			{ tenantId: tenant.id, action: 'x', entityType: 'y', entityId: 'no-state' }
		);
		const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, 'no-state'));
		expect(row).toMatchObject({ before: null, after: null, actorId: null, requestId: null });
	});
});
