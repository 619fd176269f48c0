import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the spam module, as a second process or instance would load it. */
async function freshSpamModule() {
	vi.resetModules();
	return import('./spam');
}

describe('APP_SECRET (challenges and address keys across processes)', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	it('with APP_SECRET, a challenge issued by one process verifies in another', async () => {
		vi.stubEnv('APP_SECRET', 'a-shared-secret-of-at-least-32-characters!');
		const now = new Date();
		const first = await freshSpamModule();
		const challenge = first.issueChallenge(now, 4);
		const key = first.addressKey('inquiry', '203.0.113.9');
		const second = await freshSpamModule();
		expect(second.parseChallenge(challenge)).not.toBeNull();
		expect(second.addressKey('inquiry', '203.0.113.9')).toBe(key);
	});

	it('without APP_SECRET, each process has its own key', async () => {
		vi.stubEnv('APP_SECRET', '');
		const now = new Date();
		const first = await freshSpamModule();
		const challenge = first.issueChallenge(now, 4);
		const second = await freshSpamModule();
		expect(first.parseChallenge(challenge)).not.toBeNull();
		expect(second.parseChallenge(challenge)).toBeNull();
	});

	it('refuses a short APP_SECRET with a message naming the variable but not its value', async () => {
		const { parseEnv } = await import('../env');
		expect(() => parseEnv({ APP_SECRET: 'short-secret' })).toThrow(
			/APP_SECRET: must be at least 32 characters long \(got "\*\*\*"\)/
		);
	});
});
