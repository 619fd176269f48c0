import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildUser } from '../factories';
import { signIn } from './sign-in';
import { countActiveSessions } from './sessions';
import { signInThrottles } from './schema';
import { pruneThrottles, SIGN_IN_THROTTLE, throttleKeys, waitSeconds } from './throttle';
import { RateLimitError, ValidationError } from '../errors';

const PASSWORD = 'correct horse battery';
const { freePerPair, freePerAddress, firstWaitSeconds, maxWaitSeconds } = SIGN_IN_THROTTLE;
const database = useTestDb();

const ctx = (ip?: string) => testCtx(database.db, null, ip ? { ip } : {});
const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

/** The outcome of a sign-in as a word, so that a list of outcomes can be compared. */
async function attempt(ip: string | undefined, email: string, password: string, now?: Date) {
	try {
		await signIn(ctx(ip), { email, password }, now);
		return 'signed-in';
	} catch (e) {
		if (e instanceof ValidationError) return 'wrong';
		if (e instanceof RateLimitError) return `wait ${e.retryAfterSeconds}`;
		throw e;
	}
}

describe('sign-in throttling', () => {
	it('waits longer after every further failure, up to the cap', () => {
		expect(waitSeconds(freePerPair - 1, freePerPair)).toBe(0);
		expect(waitSeconds(freePerPair, freePerPair)).toBe(firstWaitSeconds);
		expect(waitSeconds(freePerPair + 1, freePerPair)).toBe(2 * firstWaitSeconds);
		expect(waitSeconds(freePerPair + 2, freePerPair)).toBe(4 * firstWaitSeconds);
		expect(waitSeconds(freePerPair + 50, freePerPair)).toBe(maxWaitSeconds);
	});

	it('does not lock the owner out: the right password from another address passes', async () => {
		const user = await buildUser(database.db);
		const t0 = new Date();
		for (let i = 0; i < freePerPair + 3; i++) {
			await attempt('198.51.100.66', user.email, `falsch-${i}`, t0);
		}
		expect(await attempt('198.51.100.66', user.email, PASSWORD, t0)).toMatch(/^wait /);
		expect(await attempt('192.0.2.10', user.email, PASSWORD, t0)).toBe('signed-in');
		expect(await countActiveSessions(database.db, user.id)).toBe(1);
	});

	it('backs off exponentially per pair and lets the right password in after the wait', async () => {
		const user = await buildUser(database.db);
		const ip = '198.51.100.20';
		const t0 = new Date();
		for (let i = 0; i < freePerPair; i++) {
			expect(await attempt(ip, user.email, 'falsch', t0)).toBe('wrong');
		}
		// the fifth failure started the first wait
		expect(await attempt(ip, user.email, PASSWORD, seconds(t0, 10))).toBe(
			`wait ${firstWaitSeconds - 10}`
		);
		const t1 = seconds(t0, firstWaitSeconds);
		expect(await attempt(ip, user.email, 'falsch', t1)).toBe('wrong');
		// the next wait is twice as long
		expect(await attempt(ip, user.email, PASSWORD, seconds(t1, 1))).toBe(
			`wait ${2 * firstWaitSeconds - 1}`
		);
		const t2 = seconds(t1, 2 * firstWaitSeconds);
		expect(await attempt(ip, user.email, PASSWORD, t2)).toBe('signed-in');
		// a success starts the pair again
		const [row] = await database.db
			.select()
			.from(signInThrottles)
			.where(eq(signInThrottles.key, throttleKeys(user.email, ip).pairKey));
		expect(row).toBeUndefined();
	});

	it('caps the wait and starts again after a quiet day', async () => {
		const user = await buildUser(database.db);
		const ip = '198.51.100.21';
		let now = new Date();
		for (let i = 0; i < freePerPair + 12; i++) {
			expect(await attempt(ip, user.email, 'falsch', now)).toBe('wrong');
			const [row] = await database.db
				.select()
				.from(signInThrottles)
				.where(eq(signInThrottles.key, throttleKeys(user.email, ip).pairKey));
			if (row.blockedUntil) now = row.blockedUntil;
		}
		expect(await attempt(ip, user.email, 'falsch', seconds(now, -1))).toBe('wait 1');
		const [row] = await database.db
			.select()
			.from(signInThrottles)
			.where(eq(signInThrottles.key, throttleKeys(user.email, ip).pairKey));
		expect(row.blockedUntil!.getTime() - row.updatedAt.getTime()).toBe(maxWaitSeconds * 1000);
		const nextDay = seconds(now, SIGN_IN_THROTTLE.resetSeconds + 1);
		for (let i = 0; i < freePerPair - 1; i++) {
			expect(await attempt(ip, user.email, 'falsch', nextDay)).toBe('wrong');
		}
		expect(await attempt(ip, user.email, PASSWORD, nextDay)).toBe('signed-in');
		// quiet rows are pruned
		await attempt(ip, 'niemand@example.org', 'falsch', nextDay);
		expect(await pruneThrottles(database.db, seconds(nextDay, 2 * 24 * 60 * 60))).toBeGreaterThan(
			0
		);
	});

	it('throttles a busy address only for accounts that failed from it', async () => {
		const ip = '203.0.113.7';
		const t0 = new Date();
		const victim = await buildUser(database.db);
		expect(await attempt(ip, victim.email, 'falsch', t0)).toBe('wrong');
		for (let i = 1; i < freePerAddress; i++) {
			expect(await attempt(ip, `unbekannt-${i}@example.org`, 'x', t0)).toBe('wrong');
		}
		// the address waits: an account with failures from it waits too …
		expect(await attempt(ip, victim.email, PASSWORD, t0)).toBe(`wait ${firstWaitSeconds}`);
		// … another account's right password passes (people behind one proxy) …
		const colleague = await buildUser(database.db);
		expect(await attempt(ip, colleague.email, PASSWORD, t0)).toBe('signed-in');
		// … a fresh account gets one guess, then waits as well
		const sprayed = await buildUser(database.db);
		expect(await attempt(ip, sprayed.email, 'falsch', t0)).toBe('wrong');
		expect(await attempt(ip, sprayed.email, PASSWORD, t0)).toBe(`wait ${firstWaitSeconds}`);
		// and the victim signs in from elsewhere
		expect(await attempt('203.0.113.8', victim.email, PASSWORD, t0)).toBe('signed-in');
	});

	it('counts atomically: of 40 concurrent wrong attempts only the free ones are checked', async () => {
		const user = await buildUser(database.db);
		const ip = '198.51.100.40';
		const outcomes = await Promise.all(
			Array.from({ length: 40 }, (_, i) => attempt(ip, user.email, `falsch-${i}`))
		);
		expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(freePerPair);
		expect(outcomes.filter((o) => o.startsWith('wait '))).toHaveLength(40 - freePerPair);
		const [row] = await database.db
			.select()
			.from(signInThrottles)
			.where(eq(signInThrottles.key, throttleKeys(user.email, ip).pairKey));
		expect(row.failures).toBe(freePerPair);
	});

	it('counts the address atomically across accounts', async () => {
		const ip = '198.51.100.41';
		const users = await Promise.all(Array.from({ length: 40 }, () => buildUser(database.db)));
		// each account's first guess from the address: all are checked, the address counts to its limit
		const first = await Promise.all(users.map((u) => attempt(ip, u.email, 'falsch')));
		expect(first.filter((o) => o === 'wrong')).toHaveLength(40);
		const [address] = await database.db
			.select()
			.from(signInThrottles)
			.where(eq(signInThrottles.key, `address:${ip}`));
		expect(address.failures).toBe(freePerAddress);
		// the address now waits; concurrent second guesses for all 40 accounts are all refused
		const outcomes = await Promise.all(users.map((u) => attempt(ip, u.email, 'falsch-2')));
		expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(0);
	});
});
