import { describe, expect, it, vi } from 'vitest';
import { GET } from './+server';

type Event = Parameters<typeof GET>[0];

function event(execute: () => Promise<unknown>) {
	const log = { error: vi.fn() };
	return {
		event: { locals: { ctx: { db: { execute } }, log } } as unknown as Event,
		log
	};
}

describe('/healthz', () => {
	it('answers 200 when the database answers', async () => {
		const { event: e } = event(async () => [{ '?column?': 1 }]);
		const res = await GET(e);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok' });
	});

	it('answers 503 and logs the error when the database does not answer', async () => {
		const failure = new Error('connection refused');
		const { event: e, log } = event(async () => {
			throw failure;
		});
		const res = await GET(e);
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ status: 'unavailable' });
		expect(log.error).toHaveBeenCalledWith({ err: failure }, expect.any(String));
	});
});
