/**
 * Sign-in throttling that slows an attacker without locking the owner out.
 *
 * - Failures are counted per (account, client address) pair: after `freePerPair` attempts
 *   without success the pair waits `firstWaitSeconds`, and every further attempt doubles the
 *   wait up to `maxWaitSeconds`. The account itself is never locked: its owner signing in from
 *   another address is not affected by an attacker's failures.
 * - Failures are also counted per client address (across accounts, with the same back-off from
 *   `freePerAddress` on). While an address waits, only accounts that have no failures from that
 *   address may still be tried (one attempt each): people behind one proxy sign in with the
 *   right password as before, while a password-spraying attacker gets one guess per account.
 * - Counting is atomic: an attempt is counted *before* the password is checked, by one upsert
 *   that refuses the attempt while the key waits (the row stays locked until the reservation's
 *   transaction ends). Concurrent attempts therefore cannot pass the limit; a successful sign-in
 *   gives its attempt back (`settleSignIn`).
 * - A key quiet for `resetSeconds` starts again at zero; such rows are pruned.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client';
import { signInThrottles } from './schema';
import { RateLimitError } from '../errors';

export const SIGN_IN_THROTTLE = {
	freePerPair: 5,
	freePerAddress: 30,
	firstWaitSeconds: 30,
	maxWaitSeconds: 15 * 60,
	resetSeconds: 24 * 60 * 60
} as const;

/** The wait after the `failures`-th counted attempt when `free` are allowed without one. */
export function waitSeconds(failures: number, free: number): number {
	if (failures < free) return 0;
	const { firstWaitSeconds, maxWaitSeconds } = SIGN_IN_THROTTLE;
	return Math.min(firstWaitSeconds * 2 ** Math.min(failures - free, 20), maxWaitSeconds);
}

/** What a reservation counted; given back to `settleSignIn` after a successful sign-in. */
export interface SignInTicket {
	pairKey: string;
	/** null when the address was not counted (unknown, or waiting) */
	addressKey: string | null;
}

export function throttleKeys(email: string, ip: string | undefined) {
	return {
		pairKey: `pair:${email}|${ip ?? ''}`,
		addressKey: ip ? `address:${ip}` : null
	};
}

type Taken = { failures: number; blockedUntil: null } | { failures: null; blockedUntil: Date };

/**
 * Counts one attempt against `key` unless it is waiting, in one statement. Returns the new
 * count, or the end of the wait when the attempt is refused.
 */
async function take(tx: Tx, key: string, free: number, now: Date): Promise<Taken> {
	const { firstWaitSeconds, maxWaitSeconds, resetSeconds } = SIGN_IN_THROTTLE;
	const at = sql`${now.toISOString()}::timestamptz`;
	const count = sql`(case when ${signInThrottles.updatedAt} < ${at} - ${resetSeconds} * interval '1 second' then 1 else ${signInThrottles.failures} + 1 end)`;
	const rows = await tx
		.insert(signInThrottles)
		.values({
			key,
			failures: 1,
			blockedUntil: free <= 1 ? new Date(now.getTime() + waitSeconds(1, free) * 1000) : null,
			updatedAt: now
		})
		.onConflictDoUpdate({
			target: signInThrottles.key,
			set: {
				failures: count,
				blockedUntil: sql`case when ${count} >= ${free} then ${at} + least(${firstWaitSeconds} * power(2, least(${count} - ${free}, 20)), ${maxWaitSeconds}) * interval '1 second' else null end`,
				updatedAt: now
			},
			setWhere: sql`${signInThrottles.blockedUntil} is null or ${signInThrottles.blockedUntil} <= ${at}`
		})
		.returning({ failures: signInThrottles.failures });
	if (rows[0]) return { failures: rows[0].failures, blockedUntil: null };
	const [row] = await tx
		.select({ blockedUntil: signInThrottles.blockedUntil })
		.from(signInThrottles)
		.where(eq(signInThrottles.key, key));
	return { failures: null, blockedUntil: row?.blockedUntil ?? now };
}

function refuse(until: Date, now: Date): never {
	throw new RateLimitError(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
}

/**
 * Counts a sign-in attempt before its password is checked; throws RateLimitError (with the
 * seconds to wait) when the pair waits, or when the address waits and the account already has
 * failures from it. Nothing is counted for a refused attempt.
 */
export async function reserveSignIn(
	db: Executor,
	email: string,
	ip: string | undefined,
	now: Date = new Date()
): Promise<SignInTicket> {
	const { pairKey, addressKey } = throttleKeys(email, ip);
	return db.transaction(async (tx) => {
		const pair = await take(tx, pairKey, SIGN_IN_THROTTLE.freePerPair, now);
		if (pair.blockedUntil) refuse(pair.blockedUntil, now);
		if (!addressKey) return { pairKey, addressKey: null };
		const address = await take(tx, addressKey, SIGN_IN_THROTTLE.freePerAddress, now);
		if (!address.blockedUntil) return { pairKey, addressKey };
		// the address waits: only an account without failures from it gets its one attempt
		if (pair.failures > 1) refuse(address.blockedUntil, now);
		return { pairKey, addressKey: null };
	});
}

/** After a successful sign-in: the pair starts again, the address gets its attempt back. */
export async function settleSignIn(db: Executor, ticket: SignInTicket): Promise<void> {
	await db.delete(signInThrottles).where(eq(signInThrottles.key, ticket.pairKey));
	if (!ticket.addressKey) return;
	const remaining = sql`greatest(${signInThrottles.failures} - 1, 0)`;
	await db
		.update(signInThrottles)
		.set({
			failures: remaining,
			blockedUntil: sql`case when ${remaining} < ${SIGN_IN_THROTTLE.freePerAddress} then null else ${signInThrottles.blockedUntil} end`
		})
		.where(eq(signInThrottles.key, ticket.addressKey));
}

/** Removes rows quiet for longer than the reset period; run by the maintenance loop. */
export async function pruneThrottles(db: Executor, now: Date = new Date()): Promise<number> {
	const rows = await db
		.delete(signInThrottles)
		.where(
			lt(signInThrottles.updatedAt, new Date(now.getTime() - SIGN_IN_THROTTLE.resetSeconds * 1000))
		)
		.returning({ key: signInThrottles.key });
	return rows.length;
}
