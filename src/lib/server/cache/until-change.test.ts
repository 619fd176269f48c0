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

	it('keeps nothing with the cache off, or after a failure', async () => {
		let computed = 0;
		const compute = async () => ++computed;
		configurePublicCache({ maxBytes: 0, ttlMs: 0 });
		await untilChange('off', compute);
		await untilChange('off', compute);
		expect(computed).toBe(2);

		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
		await expect(untilChange('fails', async () => Promise.reject(new Error('db')))).rejects.toThrow(
			'db'
		);
		expect(await untilChange('fails', compute)).toBe(3);
	});

	it('after its age answers with the kept value while one caller computes the next', async () => {
		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 20 });
		let computed = 0;
		let release = () => {};
		const compute = async () => {
			const n = ++computed;
			if (n > 1) await new Promise<void>((r) => (release = r));
			return n;
		};
		expect(await untilChange('old', compute)).toBe(1);
		await new Promise((r) => setTimeout(r, 30));
		// older than the TTL, no change: the kept value, and only one recomputation started
		expect(await Promise.all([1, 2, 3].map(() => untilChange('old', compute)))).toEqual([1, 1, 1]);
		expect(computed).toBe(2);
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(await untilChange('old', compute)).toBe(2);
	});

	it('never answers with a value from before a change, however old', async () => {
		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 20 });
		let computed = 0;
		const compute = async () => ++computed;
		expect(await untilChange('changed', compute)).toBe(1);
		await new Promise((r) => setTimeout(r, 30));
		await invalidatePublicCache();
		expect(await untilChange('changed', compute)).toBe(2);
	});

	it('does not keep a value its caller refuses', async () => {
		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
		let computed = 0;
		const compute = async () => (++computed > 1 ? 'found' : null);
		expect(await untilChange('refused', compute, (v) => v !== null)).toBeNull();
		await new Promise((r) => setTimeout(r, 0));
		expect(await untilChange('refused', compute, (v) => v !== null)).toBe('found');
		expect(await untilChange('refused', compute, (v) => v !== null)).toBe('found');
		expect(computed).toBe(2);
	});
});
