import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import { RateLimitError } from '../errors';
import { takeFromLimit } from './spam';

const database = useTestDb();

/** The outcome of one submission's limit check as a word. */
async function take(scope: string, ip: string, max: number) {
	try {
		await takeFromLimit(database.db, scope, ip, { max, windowSeconds: 3600 });
		return 'taken';
	} catch (e) {
		if (e instanceof RateLimitError) return 'limited';
		throw e;
	}
}

describe('public form limits per address', () => {
	it('counts atomically: of 30 concurrent submissions only the allowed ones pass', async () => {
		const outcomes = await Promise.all(
			Array.from({ length: 30 }, () => take('inquiry:test-tenant', '203.0.113.30', 5))
		);
		expect(outcomes.filter((o) => o === 'taken')).toHaveLength(5);
		expect(outcomes.filter((o) => o === 'limited')).toHaveLength(25);
	});

	it('keeps addresses and scopes apart', async () => {
		for (let i = 0; i < 2; i++) expect(await take('inquiry:a', '203.0.113.31', 2)).toBe('taken');
		expect(await take('inquiry:a', '203.0.113.31', 2)).toBe('limited');
		expect(await take('inquiry:a', '203.0.113.32', 2)).toBe('taken');
		expect(await take('inquiry:b', '203.0.113.31', 2)).toBe('taken');
	});
});
