/**
 * Delivered mails leave the outbox after a while: a mail's text holds personal data (names,
 * addresses, personal links), and once sent or given up there is nothing left to do with it.
 */
import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from './schema';

/** Days a sent (or finally failed) mail stays in the outbox for questions about its delivery. */
export const OUTBOX_RETENTION_DAYS = 30;

/** Deletes sent mails and mails given up on, OUTBOX_RETENTION_DAYS after sending or queueing. */
export async function purgeDeliveredMails(db: Db, now: Date = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * 3600 * 1000);
	const deleted = await db
		.delete(outbox)
		.where(
			or(
				and(eq(outbox.status, 'sent'), lt(outbox.sentAt, cutoff)),
				and(eq(outbox.status, 'failed'), lt(outbox.createdAt, cutoff))
			)
		)
		.returning({ id: outbox.id });
	return deleted.length;
}
