import { afterEach, describe, expect, it } from 'vitest';
import { configurePublicCache, invalidatePublicCache } from './public-cache';
import { untilChange } from './until-change';

describe('untilChange', () => {
	afterEach(() => {
		configurePublicCache({ maxBytes: 0, ttlMs: 0 });
	});

	it('computes once per generation, again after a change, and shares a running computation', async () => {
		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
		let computed = 0;
		const compute = async () => {
			computed++;
			await new Promise((r) => setTimeout(r, 5));
			return computed;
		};
		const together = await Promise.all([1, 2, 3].map(() => untilChange('k1', compute)));
		expect(together).toEqual([1, 1, 1]);
		expect(await untilChange('k1', compute)).toBe(1);
		// another key is its own value
		expect(await untilChange('k2', compute)).toBe(2);
		await invalidatePublicCache();
		expect(await untilChange('k1', compute)).toBe(3);
		expect(computed).toBe(3);
	});

	it('keeps nothing with the cache off, after its age, or after a failure', async () => {
		let computed = 0;
		const compute = async () => ++computed;
		configurePublicCache({ maxBytes: 0, ttlMs: 0 });
		await untilChange('off', compute);
		await untilChange('off', compute);
		expect(computed).toBe(2);

		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 1 });
		await untilChange('old', compute);
		await new Promise((r) => setTimeout(r, 5));
		await untilChange('old', compute);
		expect(computed).toBe(4);

		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
		await expect(untilChange('fails', async () => Promise.reject(new Error('db')))).rejects.toThrow(
			'db'
		);
		expect(await untilChange('fails', compute)).toBe(5);
	});
});
