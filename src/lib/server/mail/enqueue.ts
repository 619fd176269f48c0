import type { Executor } from '../db/client';
import { outbox, type MailPayload } from './schema';

/** Listeners woken when a mail is queued, so the worker sends it without waiting for its next poll. */
const listeners = new Set<() => void>();
export function onMailQueued(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * Queues a mail in the caller's transaction: it is sent only if the change that causes it commits.
 */
export async function enqueueMail(
	tx: Executor,
	tenantId: string | null,
	payload: MailPayload
): Promise<string> {
	const [row] = await tx.insert(outbox).values({ tenantId, payload }).returning({ id: outbox.id });
	// Wake the worker shortly after; by then the transaction has normally committed,
	// and if not, the worker's next poll picks the row up.
	setTimeout(() => listeners.forEach((l) => l()), 50).unref?.();
	return row.id;
}
