import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { signInAttempts } from './schema';
import { RateLimitError } from '../errors';

export interface Limit {
	key: string;
	max: number;
	windowSeconds: number;
}

/** Failures per e-mail address and per client address within 15 minutes. */
export const SIGN_IN_LIMITS = {
	perEmail: { max: 5, windowSeconds: 15 * 60 },
	perIp: { max: 30, windowSeconds: 15 * 60 }
};

async function countInWindow(
	db: Executor,
	limit: Limit
): Promise<{ count: number; oldest: Date | null }> {
	const since = new Date(Date.now() - limit.windowSeconds * 1000);
	const [row] = await db
		.select({
			count: sql<number>`coalesce(sum(${signInAttempts.count}), 0)::int`,
			oldest: sql<string | null>`min(${signInAttempts.attemptedAt})`
		})
		.from(signInAttempts)
		.where(and(eq(signInAttempts.key, limit.key), gt(signInAttempts.attemptedAt, since)));
	return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Throws RateLimitError when any of the limits is used up. */
export async function assertWithinLimits(db: Executor, limits: Limit[]): Promise<void> {
	for (const limit of limits) {
		const { count, oldest } = await countInWindow(db, limit);
		if (count >= limit.max) {
			const retry = oldest
				? Math.max(
						1,
						Math.ceil((oldest.getTime() + limit.windowSeconds * 1000 - Date.now()) / 1000)
					)
				: limit.windowSeconds;
			throw new RateLimitError(retry);
		}
	}
}

/**
 * Checks a limit and counts one use in one step: concurrent requests with the same key wait for
 * each other (a transaction-scoped advisory lock on the key), so no more than `max` get through.
 */
export async function takeFromLimitAtomically(db: Executor, limit: Limit): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${limit.key}))`);
		await assertWithinLimits(tx, [limit]);
		await recordFailure(tx, [limit.key]);
	});
}

export async function recordFailure(db: Executor, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await db.insert(signInAttempts).values(keys.map((key) => ({ key })));
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
	await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
}

/** Removes attempts older than a day; run by the maintenance loop. */
export async function pruneAttempts(db: Executor): Promise<void> {
	await db
		.delete(signInAttempts)
		.where(lt(signInAttempts.attemptedAt, new Date(Date.now() - 24 * 60 * 60 * 1000)));
}
