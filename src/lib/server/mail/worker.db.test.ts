import { beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildUser } from '../factories';
import { loadActor } from '../auth/sessions';
import { outbox, type MailPayload } from './schema';
import { enqueueMail } from './enqueue';
import { claimDue, deliverBatch, listMailbox, MAX_ATTEMPTS, retryDelayMs } from './worker';
import type { MailTransport } from './transport';

const log = pino({ level: 'silent' });
const FROM = 'Miteinander <noreply@miteinander.example>';
const database = useTestDb();
beforeEach(async () => {
	await database.db.delete(outbox);
});

const mail = (n: number | string): MailPayload => ({
	to: `empfaenger-${n}@example.org`,
	subject: `Betreff ${n}`,
	text: `Text ${n}`
});

async function enqueue(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) ids.push(await enqueueMail(database.db, null, mail(i)));
	return ids;
}

async function row(id: string) {
	const [r] = await database.db.select().from(outbox).where(eq(outbox.id, id));
	return r;
}

function recordingTransport(
	fail?: (payload: MailPayload) => string | undefined
): MailTransport & { sent: MailPayload[] } {
	const sent: MailPayload[] = [];
	return {
		name: 'smtp',
		sent,
		async send(payload) {
			const error = fail?.(payload);
			if (error) throw new Error(error);
			sent.push(payload);
		}
	};
}

describe('claimDue', () => {
	it('never hands the same mail to two concurrent claimers', async () => {
		const ids = await enqueue(24);
		const claimed: string[] = [];
		for (let round = 0; round < 10 && claimed.length < ids.length; round++) {
			const [a, b] = await Promise.all([claimDue(database.db, 5), claimDue(database.db, 5)]);
			claimed.push(...a.map((r) => r.id), ...b.map((r) => r.id));
		}
		expect(new Set(claimed).size).toBe(claimed.length);
		expect([...claimed].sort()).toEqual([...ids].sort());
		const rows = await database.db.select().from(outbox).where(inArray(outbox.id, ids));
		for (const r of rows)
			expect(r).toMatchObject({ status: 'sending', attempts: 1, lockedAt: expect.any(Date) });
		expect(await claimDue(database.db, 5)).toEqual([]);
	});

	it('skips mails that are not due yet, sent or failed', async () => {
		const [future, sent, failed, due] = await enqueue(4);
		await database.db
			.update(outbox)
			.set({ runAt: new Date(Date.now() + 60_000) })
			.where(eq(outbox.id, future));
		await database.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.id, sent));
		await database.db.update(outbox).set({ status: 'failed' }).where(eq(outbox.id, failed));
		expect((await claimDue(database.db)).map((r) => r.id)).toEqual([due]);
	});

	it('takes back a mail whose worker died while sending, but not one being sent right now', async () => {
		const [stale, fresh] = await enqueue(2);
		await database.db
			.update(outbox)
			.set({ status: 'sending', attempts: 1, lockedAt: new Date(Date.now() - 11 * 60 * 1000) })
			.where(eq(outbox.id, stale));
		await database.db
			.update(outbox)
			.set({ status: 'sending', attempts: 1, lockedAt: new Date(Date.now() - 60 * 1000) })
			.where(eq(outbox.id, fresh));
		const claimed = await claimDue(database.db);
		expect(claimed.map((r) => [r.id, r.attempts])).toEqual([[stale, 2]]);
	});
});

describe('deliverBatch', () => {
	it('sends due mails and marks them sent', async () => {
		const [id] = await enqueue(1);
		const transport = recordingTransport();
		expect(await deliverBatch(database.db, transport, FROM, log)).toBe(1);
		expect(transport.sent).toEqual([mail(0)]);
		expect(await row(id)).toMatchObject({
			status: 'sent',
			attempts: 1,
			transport: 'smtp',
			lastError: null,
			lockedAt: null,
			sentAt: expect.any(Date)
		});
		expect(await deliverBatch(database.db, transport, FROM, log)).toBe(0);
		expect(transport.sent).toHaveLength(1);
	});

	it('puts a failed mail back with a later run_at and keeps the error', async () => {
		const [id] = await enqueue(1);
		const before = Date.now();
		await deliverBatch(
			database.db,
			recordingTransport(() => '550 mailbox unavailable'),
			FROM,
			log
		);
		const after = Date.now();
		const r = await row(id);
		expect(r).toMatchObject({
			status: 'pending',
			attempts: 1,
			lastError: '550 mailbox unavailable',
			lockedAt: null,
			sentAt: null
		});
		expect(r.runAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1));
		expect(r.runAt.getTime()).toBeLessThanOrEqual(after + retryDelayMs(1));
		// not due again before its time
		expect(await claimDue(database.db)).toEqual([]);
	});

	it('backs off further with every attempt', async () => {
		const [id] = await enqueue(1);
		await database.db.update(outbox).set({ attempts: 3 }).where(eq(outbox.id, id));
		const before = Date.now();
		await deliverBatch(
			database.db,
			recordingTransport(() => 'timeout'),
			FROM,
			log
		);
		const r = await row(id);
		expect(r.attempts).toBe(4);
		expect(r.runAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(4));
	});

	it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
		const [lastTry, oneMore] = await enqueue(2);
		await database.db
			.update(outbox)
			.set({ attempts: MAX_ATTEMPTS - 1 })
			.where(eq(outbox.id, lastTry));
		await database.db
			.update(outbox)
			.set({ attempts: MAX_ATTEMPTS - 2 })
			.where(eq(outbox.id, oneMore));
		expect(
			await deliverBatch(
				database.db,
				recordingTransport(() => 'refused'),
				FROM,
				log
			)
		).toBe(2);
		expect(await row(lastTry)).toMatchObject({
			status: 'failed',
			attempts: MAX_ATTEMPTS,
			lastError: 'refused'
		});
		expect(await row(oneMore)).toMatchObject({
			status: 'pending',
			attempts: MAX_ATTEMPTS - 1,
			lastError: 'refused'
		});
	});

	it('handles each mail of a batch on its own', async () => {
		const [good, bad] = await enqueue(2);
		const transport = recordingTransport((p) => (p.to === mail(1).to ? 'rejected' : undefined));
		await deliverBatch(database.db, transport, FROM, log);
		expect((await row(good)).status).toBe('sent');
		expect((await row(bad)).status).toBe('pending');
	});
});

describe('retryDelayMs', () => {
	it('doubles from 30 seconds and stops at six hours', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(retryDelayMs(30)).toBe(6 * 60 * 60 * 1000);
	});
});

describe('enqueueMail', () => {
	it('leaves nothing behind when the transaction rolls back', async () => {
		await expect(
			database.db.transaction(async (tx) => {
				await enqueueMail(tx, null, mail('rollback'));
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await database.db.select().from(outbox)).toEqual([]);
	});

	it('keeps the mail when the transaction commits', async () => {
		const id = await database.db.transaction((tx) => enqueueMail(tx, null, mail('commit')));
		expect(await row(id)).toMatchObject({
			status: 'pending',
			attempts: 0,
			payload: mail('commit')
		});
	});
});

describe('listMailbox', () => {
	it('pages newest first', async () => {
		const ids = await enqueue(3);
		for (const [i, id] of ids.entries()) {
			await database.db
				.update(outbox)
				.set({ createdAt: new Date(Date.UTC(2026, 0, 1 + i)) })
				.where(eq(outbox.id, id));
		}
		const admin = await loadActor(
			database.db,
			(await buildUser(database.db, { isPlatformAdmin: true })).id
		);
		const first = await listMailbox(testCtx(database.db, admin), { page: 1 }, 2);
		expect(first.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
		expect(first.hasMore).toBe(true);
		const second = await listMailbox(testCtx(database.db, admin), { page: 2 }, 2);
		expect(second.rows.map((r) => r.id)).toEqual([ids[0]]);
		expect(second.hasMore).toBe(false);
	});
});
