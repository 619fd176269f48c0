/**
 * Spam challenges are single use (on every public form, atomically, in the database) and only
 * the tenant's own people skip the spam checks.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ValidationError } from '../errors';
import { addDays } from '../shared';
import { submitInquiry } from './submit';
import { inquiries, redeemedChallenges } from './schema';
import {
	issueChallenge,
	MAX_FORM_AGE_SECONDS,
	parseChallenge,
	purgeRedeemedChallenges,
	solveProofOfWork
} from './spam';
import { commentOnContribution, submitContribution } from '../participation/contributions';
import { createDialogue } from '../participation/dialogues';
import { registerForDialogue } from '../participation/registrations';
import { contributionComments, contributions } from '../participation/schema';
import { anon, contribution, participationFixture, today } from '../participation/testing';

const { setup } = participationFixture();

/** A challenge issued a minute ago, with its proof of work. */
function spamFields() {
	const challenge = issueChallenge(new Date(Date.now() - 60_000), 8);
	return { website: '', challenge, pow: solveProofOfWork(challenge, 8) };
}

const message = (spam: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	kind: 'question',
	body: 'Gibt es einen Sprachkurs am Abend?',
	consent: 'on',
	...spam,
	...extra
});

const formError = (e: unknown) => (e instanceof ValidationError ? e.fieldErrors.form : e);

describe('single-use spam challenges', () => {
	it('accepts a challenge once; a second message with it is refused and nothing is written', async () => {
		const { db, tenant } = await setup();
		const spam = spamFields();
		await submitInquiry(anon(db, tenant), message(spam));
		const again = await submitInquiry(anon(db, tenant), message(spam)).catch((e) => e);
		expect(formError(again)).toBe('sa_error_spam_reused');
		expect(await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id))).toHaveLength(
			1
		);
	});

	it('redeems atomically: of 12 concurrent messages with one challenge exactly one is stored', async () => {
		const { db, tenant } = await setup();
		const spam = spamFields();
		const results = await Promise.all(
			Array.from({ length: 12 }, () =>
				submitInquiry(anon(db, tenant), message(spam)).then(
					() => 'stored',
					(e) => formError(e)
				)
			)
		);
		expect(results.filter((r) => r === 'stored')).toHaveLength(1);
		expect(results.filter((r) => r === 'sa_error_spam_reused')).toHaveLength(11);
		expect(await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id))).toHaveLength(
			1
		);
	});

	it('leaves the challenge unused when the submission is refused for its fields', async () => {
		const { db, tenant } = await setup();
		const spam = spamFields();
		const invalid = await submitInquiry(anon(db, tenant), message(spam, { body: '' })).catch(
			(e) => e
		);
		expect(invalid).toBeInstanceOf(ValidationError);
		await expect(submitInquiry(anon(db, tenant), message(spam))).resolves.toMatchObject({
			reference: expect.any(String)
		});
	});

	it('is single use on contributions, comments and dialogue registrations too', async () => {
		const { db, tenant, processId, field, ctxFor } = await setup();
		const spam = spamFields();
		await submitContribution(anon(db, tenant), { processId, ...contribution(field.id, spam) });
		const reused = await submitContribution(anon(db, tenant), {
			processId,
			...contribution(field.id, spam)
		}).catch((e) => e);
		expect(formError(reused)).toBe('sa_error_spam_reused');

		const member = await ctxFor('member');
		const published = await submitContribution(member, { processId, ...contribution(field.id) });
		const comment = spamFields();
		const commentInput = { processId, contributionId: published.id, body: 'Gute Idee', ...comment };
		await commentOnContribution(anon(db, tenant), commentInput);
		const reusedComment = await commentOnContribution(anon(db, tenant), commentInput).catch(
			(e) => e
		);
		expect(formError(reusedComment)).toBe('sa_error_spam_reused');
		expect(
			await db
				.select()
				.from(contributionComments)
				.where(eq(contributionComments.contributionId, published.id))
		).toHaveLength(1);

		const staff = await ctxFor('coordinator');
		const { id: dialogueId } = await createDialogue(staff, {
			processId,
			title: 'Dialog am Abend',
			targetGroup: 'seniors',
			startsAt: `${addDays(today, 5)}T18:00`,
			endsAt: `${addDays(today, 5)}T20:00`,
			place: 'Rathaus',
			languages: ['de'],
			registrationEnabled: 'on'
		});
		const registration = spamFields();
		await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId,
			name: 'Maria Muster',
			email: 'maria@example.org',
			...registration
		});
		const reusedRegistration = await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId,
			name: 'Max Muster',
			email: 'max@example.org',
			...registration
		}).catch((e) => e);
		expect(formError(reusedRegistration)).toBe('sa_error_spam_reused');
	});

	it('purges redeemed challenges once they have expired anyway', async () => {
		const { db, tenant } = await setup();
		const spam = spamFields();
		await submitInquiry(anon(db, tenant), message(spam));
		const { nonce, issuedAt } = parseChallenge(spam.challenge)!;
		const stored = () =>
			db.select().from(redeemedChallenges).where(eq(redeemedChallenges.nonce, nonce));
		const expiry = issuedAt.getTime() + MAX_FORM_AGE_SECONDS * 1000;
		await purgeRedeemedChallenges(db, new Date(expiry - 1000));
		expect(await stored()).toHaveLength(1);
		expect(await purgeRedeemedChallenges(db, new Date(expiry + 1000))).toBeGreaterThan(0);
		expect(await stored()).toHaveLength(0);
	});
});

describe('who skips the spam checks', () => {
	it("checks another tenant's staff like everybody; the tenant's own people skip them", async () => {
		const { db, processId, field, ctxFor } = await setup();
		const foreign = await ctxFor('other');
		const withoutChallenge = { processId, ...contribution(field.id), challenge: undefined };
		const refused = await submitContribution(foreign, withoutChallenge).catch((e) => e);
		expect(formError(refused)).toBe('inquiries_error_spam_expired');
		const filledHoneypot = await submitContribution(foreign, {
			...withoutChallenge,
			...spamFields(),
			website: 'https://spam.example'
		}).catch((e) => e);
		expect(formError(filledHoneypot)).toBe('inquiries_error_spam_honeypot');
		// with a fresh challenge the foreign coordinator's contribution is taken
		await expect(
			submitContribution(foreign, { ...withoutChallenge, ...spamFields() })
		).resolves.toMatchObject({ status: 'published' });

		const member = await ctxFor('member');
		const own = await submitContribution(member, withoutChallenge);
		const guest = await ctxFor('guest');
		const guestRefused = await submitContribution(guest, withoutChallenge).catch((e) => e);
		expect(formError(guestRefused)).toBe('inquiries_error_spam_expired');
		const rows = await db
			.select()
			.from(contributions)
			.where(eq(contributions.processId, processId));
		expect(rows.map((r) => r.id)).toContain(own.id);
		expect(rows).toHaveLength(2);

		// comments: the foreign coordinator without a challenge is refused as well
		const comment = await commentOnContribution(foreign, {
			processId,
			contributionId: own.id,
			body: 'Von außerhalb'
		}).catch((e) => e);
		expect(formError(comment)).toBe('inquiries_error_spam_expired');
	});
});
