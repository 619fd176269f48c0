// Several server processes (WORKERS=2, scripts/server.mjs, or several machines) each run a mail
// worker against the same outbox. Two workers running at once — each claiming on its own pooled
// connection — deliver every mail exactly once.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { useTestDb } from '../db/testing/test-db';
import { outbox, type MailPayload } from './schema';
import { enqueueMail } from './enqueue';
import { startMailWorker } from './worker';
import type { MailTransport } from './transport';

const log = pino({ level: 'silent' });
const FROM = 'Miteinander <noreply@miteinander.example>';
const database = useTestDb();

/** A transport that records what it sends and takes a little time per mail, like SMTP. */
function slowTransport(): MailTransport & { sent: string[] } {
	const sent: string[] = [];
	return {
		name: 'smtp',
		sent,
		async send(payload: MailPayload) {
			await new Promise((r) => setTimeout(r, 2));
			sent.push(payload.to);
		}
	};
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error('timed out');
}

describe('two mail workers on one outbox', () => {
	it('deliver each of 120 mails exactly once, and both take part', async () => {
		const N = 120;
		const addresses: string[] = [];
		for (let i = 0; i < N; i++) {
			const to = `empfaenger-${i}@example.org`;
			addresses.push(to);
			await database.db
				.insert(outbox)
				.values({ payload: { to, subject: `Betreff ${i}`, text: `Text ${i}` } });
		}
		const a = slowTransport();
		const b = slowTransport();
		const workers = [a, b].map((transport) =>
			startMailWorker({ db: database.db, transport, from: FROM, log, pollMs: 50 })
		);
		try {
			await waitUntil(async () => {
				const pending = await database.db
					.select({ id: outbox.id })
					.from(outbox)
					.where(eq(outbox.status, 'pending'));
				const sending = await database.db
					.select({ id: outbox.id })
					.from(outbox)
					.where(eq(outbox.status, 'sending'));
				return pending.length === 0 && sending.length === 0;
			}, 30_000);
		} finally {
			await Promise.all(workers.map((w) => w.stop()));
		}
		const delivered = [...a.sent, ...b.sent];
		expect(delivered).toHaveLength(N);
		expect(new Set(delivered).size).toBe(N);
		expect([...delivered].sort()).toEqual([...addresses].sort());
		expect(a.sent.length).toBeGreaterThan(0);
		expect(b.sent.length).toBeGreaterThan(0);
		const rows = await database.db.select().from(outbox);
		expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
	});

	it('a mail queued while both run is sent once', async () => {
		const a = slowTransport();
		const b = slowTransport();
		const workers = [a, b].map((transport) =>
			startMailWorker({ db: database.db, transport, from: FROM, log, pollMs: 20 })
		);
		try {
			const id = await enqueueMail(database.db, null, {
				to: 'einzeln@example.org',
				subject: 'Einmal',
				text: 'Nur einmal'
			});
			await waitUntil(async () => {
				const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
				return row?.status === 'sent';
			}, 10_000);
			// a few more polls of both workers
			await new Promise((r) => setTimeout(r, 150));
		} finally {
			await Promise.all(workers.map((w) => w.stop()));
		}
		expect([...a.sent, ...b.sent].filter((to) => to === 'einzeln@example.org')).toHaveLength(1);
	});
});
