/**
 * A visitor who forgets the consent box and sends again at once: the refused submission must not
 * restart the "sent very fast" clock.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError, RateLimitError } from '../errors';
import { formAction } from '../http';
import {
	checkSubmission,
	challengeToKeep,
	issueChallenge,
	keptChallenge,
	MAX_FORM_AGE_SECONDS,
	SPAM_FIELDS
} from './spam';

// the form was issued "now" (expiry is judged against the clock), then times after it
const start = Date.now();
const at = (ms: number) => new Date(start + ms);

function post(fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const url = new URL('http://localhost/landshut/anliegen');
	return {
		request: new Request(url, { method: 'POST', body }),
		url,
		locals: { ctx: { tenant: { id: 't', slug: 'landshut' } } },
		route: { id: '/(public)/[tenant]/anliegen' },
		params: { tenant: 'landshut' }
	} as never;
}

/** A public form's action as the routes build it, around a use case that fails with `error`. */
const refusingAction = (error: Error) =>
	formAction(
		async () => {
			throw error;
		},
		{ omit: SPAM_FIELDS, keep: keptChallenge }
	);

const challengeOf = (result: unknown) =>
	(result as { data: { challenge?: string | null } }).data.challenge;

describe('a refused submission keeps its challenge (every public form through formAction)', () => {
	it('the resubmission right after a refusal is timed from the first form and accepted', async () => {
		const challenge = issueChallenge(at(0));
		// the first attempt, 20 s after the form was loaded, lacks the consent box: refused (400)
		const refused = await refusingAction(
			new ValidationError({ consent: 'inquiries_error_consent' })
		)(post({ challenge, message: 'Hallo', website: '' }));
		expect((refused as { status: number }).status).toBe(400);
		const kept = challengeOf(refused);
		expect(kept).toBe(challenge);
		// the challenge is not echoed among the values (SPAM_FIELDS are omitted)
		expect((refused as { data: { values: object } }).data.values).not.toHaveProperty('challenge');
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
		const ok = await formAction(async () => 'done', { keep: keptChallenge })(
			post({ challenge: old })
		);
		expect(ok).toEqual({ success: true });
	});

	it('a submission refused as a whole (spam check, used challenge, rate limit) gets a fresh one', async () => {
		const challenge = issueChallenge(at(0));
		const whole = await refusingAction(
			new ValidationError({ form: 'inquiries_error_spam_reused' })
		)(post({ challenge }));
		expect((whole as { status: number }).status).toBe(400);
		expect(challengeOf(whole)).toBeUndefined();
		const limited = await refusingAction(new RateLimitError(60))(post({ challenge }));
		expect((limited as { status: number }).status).toBe(429);
		expect(challengeOf(limited)).toBeUndefined();
	});
});
