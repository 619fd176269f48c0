import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { rowsOf } from '../db/client';
import { outbox, type OutboxRow } from './schema';
import type { MailTransport } from './transport';
import { onMailQueued } from './enqueue';
import { pageOf, pageOffset } from '../shared';

export const MAX_ATTEMPTS = 8;
/** A claimed row whose worker died is retried after this long. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/**
 * Claims due mails with FOR UPDATE SKIP LOCKED so several instances never send one twice.
 */
export async function claimDue(db: Db, limit = 10): Promise<OutboxRow[]> {
	const result = await db.execute(sql`
		UPDATE ${outbox} SET status = 'sending', locked_at = now(), attempts = attempts + 1
		WHERE id IN (
			SELECT id FROM ${outbox}
			WHERE (status = 'pending' AND run_at <= now())
			   OR (status = 'sending' AND locked_at < ${new Date(Date.now() - STALE_LOCK_MS).toISOString()}::timestamptz)
			ORDER BY run_at
			LIMIT ${limit}
			FOR UPDATE SKIP LOCKED
		)
		RETURNING id`);
	const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
	if (ids.length === 0) return [];
	return db.select().from(outbox).where(inArray(outbox.id, ids));
}

/** Sends one batch; returns how many rows were handled. */
export async function deliverBatch(
	db: Db,
	transport: MailTransport,
	from: string,
	log: Logger
): Promise<number> {
	const rows = await claimDue(db);
	for (const row of rows) {
		try {
			await transport.send(row.payload, from);
			await db
				.update(outbox)
				.set({
					status: 'sent',
					sentAt: new Date(),
					lockedAt: null,
					lastError: null,
					transport: transport.name
				})
				.where(eq(outbox.id, row.id));
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			const failed = row.attempts >= MAX_ATTEMPTS;
			await db
				.update(outbox)
				.set({
					status: failed ? 'failed' : 'pending',
					lockedAt: null,
					lastError: message.slice(0, 2000),
					runAt: new Date(Date.now() + retryDelayMs(row.attempts))
				})
				.where(eq(outbox.id, row.id));
			log.warn(
				{ mailId: row.id, attempts: row.attempts, failed, err: message },
				'mail delivery failed'
			);
		}
	}
	return rows.length;
}

export interface MailWorker {
	/** runs a batch now (also used by tests) */
	wake(): void;
	/** finishes the running batch, then stops */
	stop(): Promise<void>;
}

export function startMailWorker(opts: {
	db: Db;
	transport: MailTransport;
	from: string;
	log: Logger;
	pollMs: number;
}): MailWorker {
	let stopped = false;
	let running: Promise<void> | null = null;
	let timer: NodeJS.Timeout | null = null;

	const schedule = (ms: number) => {
		if (stopped) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(tick, ms);
	};
	const tick = () => {
		if (stopped || running) return;
		running = (async () => {
			try {
				// keep going while batches are full
				while (!stopped && (await deliverBatch(opts.db, opts.transport, opts.from, opts.log)) > 0);
			} catch (error) {
				opts.log.error({ err: error }, 'mail worker batch failed');
			} finally {
				running = null;
				schedule(opts.pollMs);
			}
		})();
	};
	const unsubscribe = onMailQueued(() => schedule(0));
	schedule(0);
	return {
		wake: () => schedule(0),
		async stop() {
			stopped = true;
			unsubscribe();
			if (timer) clearTimeout(timer);
			await running;
			opts.transport.close?.();
		}
	};
}

/** Mails for the dev mailbox page, newest first. */
export async function listMailbox(ctx: Ctx, input: { page?: number } = {}, pageSize = 50) {
	authorize(ctx.actor, 'platform.mailbox.view');
	const rows = await ctx.db
		.select()
		.from(outbox)
		.orderBy(desc(outbox.createdAt))
		.limit(pageSize + 1)
		.offset(pageOffset(input.page ?? 1, pageSize));
	return pageOf(rows, pageSize);
}
