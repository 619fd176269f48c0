/**
 * A visitor who forgets the consent box and sends again at once: the refused submission must not
 * restart the "sent very fast" clock.
 */
import { describe, expect, it } from 'vitest';
import { fail } from '@sveltejs/kit';
import {
	checkSubmission,
	challengeToKeep,
	issueChallenge,
	keepingChallenge,
	MAX_FORM_AGE_SECONDS
} from './spam';

// the form was issued "now" (the wrapper judges expiry against the clock), then times after it
const start = Date.now();
const at = (ms: number) => new Date(start + ms);

function post(fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return { request: new Request('http://localhost/landshut/anliegen', { method: 'POST', body }) };
}

describe('a refused submission keeps its challenge', () => {
	it('the resubmission right after a refusal is timed from the first form and accepted', async () => {
		const challenge = issueChallenge(at(0));
		// the first attempt, 20 s after the form was loaded, lacks the consent box: refused (400)
		const action = keepingChallenge(async (event: { request: Request }) => {
			await event.request.formData();
			return fail(400, { values: {}, errors: { consent: 'Bitte stimmen Sie zu.' } });
		});
		const refused = await action(post({ challenge, message: 'Hallo', website: '' }));
		expect(refused.status).toBe(400);
		const kept = (refused.data as unknown as { challenge: string | null }).challenge;
		expect(kept).toBe(challenge);
		// sent again one second later with the box ticked: not "too fast"
		expect(checkSubmission({ challenge: kept, honeypot: '' }, at(21_000))).toEqual({
			ok: true,
			proofOfWork: false
		});
		// whereas a challenge issued with the error page would refuse it
		const fresh = issueChallenge(at(20_000));
		expect(checkSubmission({ challenge: fresh }, at(21_000))).toEqual({
			ok: false,
			reason: 'too_fast'
		});
	});

	it('a forged or expired challenge is not kept; success answers are left alone', async () => {
		expect(challengeToKeep('abc.123.14.forged')).toBeNull();
		const old = issueChallenge(at(0));
		expect(challengeToKeep(old, at(MAX_FORM_AGE_SECONDS * 1000 + 1000))).toBeNull();
		expect(challengeToKeep(old, at(5000))).toBe(old);
		const ok = await keepingChallenge(async () => ({ success: true }))(post({ challenge: old }));
		expect(ok).toEqual({ success: true });
	});

	it('a submission refused as a whole (spam check, used challenge, rate limit) gets a fresh one', async () => {
		const challenge = issueChallenge(at(0));
		for (const status of [400, 429]) {
			const refused = await keepingChallenge(async (event: { request: Request }) => {
				await event.request.formData();
				return fail(status, {
					values: {},
					errors: { form: 'Dieses Formular wurde bereits gesendet.' }
				});
			})(post({ challenge }));
			expect((refused.data as unknown as { challenge: string | null }).challenge).toBeNull();
		}
	});
});
