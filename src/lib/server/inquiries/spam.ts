/**
 * Spam protection for public forms without third-party services:
 *
 * - a honeypot field that people never see (hidden from view and from assistive technology);
 * - a server-signed challenge in a hidden field: it carries the time the form was issued (a form
 *   sent back within a few seconds, or after a day, is rejected) and a proof-of-work puzzle;
 * - the proof of work: where JavaScript runs, the browser finds a counter whose SHA-256 with the
 *   challenge starts with `difficulty` zero bits. Without JavaScript the form still works: a
 *   missing solution is accepted, a wrong one is rejected;
 * - a rate limit per client address, kept only as a keyed hash (see `addressKey`);
 * - single use: a challenge (with its proof of work) is redeemed once, in the database and in the
 *   transaction of the write, so a second submission with it is refused on any app instance
 *   (`redeemed_challenges`, purged once the challenge has expired anyway);
 * - nobody skips these checks on a tenant's public forms but the tenant's own people (any role
 *   but guest) and platform admins (`skipsSpamChecks`): staff of another tenant are checked
 *   like everybody else.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { takeFromLimitAtomically, type Limit } from '../auth/rate-limit';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/schema';
import { ValidationError } from '../errors';
import { redeemedChallenges } from './schema';
import { env } from '../env';

/**
 * Key of the signatures and address hashes: `APP_SECRET`, the same on every instance. Without it
 * each process makes its own, so after a restart (or on another instance) earlier challenges no
 * longer verify (the form asks to send again) and rate-limit keys change.
 */
let secretKey: Buffer | undefined;
function secret(): Buffer {
	const configured = env().APP_SECRET;
	secretKey ??= configured ? Buffer.from(configured, 'utf8') : randomBytes(32);
	return secretKey;
}

/** Leading zero bits the proof of work needs: about 16 000 hashes, well under a second. */
export const POW_DIFFICULTY = 14;
/** A form sent back faster than this was not filled in by a person. */
export const MIN_FILL_SECONDS = 3;
/** A form older than this has to be loaded again. */
export const MAX_FORM_AGE_SECONDS = 24 * 60 * 60;
/** The name of the honeypot field; browsers must not fill it in automatically. */
export const HONEYPOT_FIELD = 'website';

function sign(payload: string): string {
	return createHmac('sha256', secret()).update(payload).digest('base64url');
}

/** A new challenge for a form: `<nonce>.<issued ms>.<difficulty>.<signature>`. */
export function issueChallenge(now: Date = new Date(), difficulty = POW_DIFFICULTY): string {
	const payload = `${randomBytes(12).toString('base64url')}.${now.getTime()}.${difficulty}`;
	return `${payload}.${sign(payload)}`;
}

export interface ParsedChallenge {
	nonce: string;
	issuedAt: Date;
	difficulty: number;
}

/** The challenge's time and difficulty when its signature is ours; null otherwise. */
export function parseChallenge(challenge: unknown): ParsedChallenge | null {
	if (typeof challenge !== 'string' || challenge.length > 200) return null;
	const parts = challenge.split('.');
	if (parts.length !== 4) return null;
	const [nonce, issued, difficulty, signature] = parts;
	const expected = Buffer.from(sign(`${nonce}.${issued}.${difficulty}`));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	const issuedAt = new Date(Number(issued));
	const bits = Number(difficulty);
	if (Number.isNaN(issuedAt.getTime()) || !Number.isInteger(bits) || bits < 0 || bits > 32)
		return null;
	return { nonce, issuedAt, difficulty: bits };
}

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
	let bits = 0;
	for (const byte of digest) {
		if (byte === 0) {
			bits += 8;
			continue;
		}
		bits += Math.clz32(byte) - 24;
		break;
	}
	return bits;
}

/** Whether `counter` solves the challenge: SHA-256("<challenge>:<counter>") has enough zero bits. */
export function verifyProofOfWork(challenge: string, counter: string, difficulty: number): boolean {
	if (!/^\d{1,12}$/.test(counter)) return false;
	const digest = createHash('sha256').update(`${challenge}:${counter}`).digest();
	return leadingZeroBits(digest) >= difficulty;
}

/** Finds a solution (tests and the demo; browsers do the same with Web Crypto). */
export function solveProofOfWork(challenge: string, difficulty: number): string {
	for (let i = 0; ; i++) {
		if (verifyProofOfWork(challenge, String(i), difficulty)) return String(i);
	}
}

/** Why a submission was refused; each is shown to the person as a form error. */
export type SpamVerdict =
	| { ok: true; proofOfWork: boolean }
	| { ok: false; reason: 'honeypot' | 'too_fast' | 'expired' | 'proof_of_work' };

/** Checks honeypot, challenge time and proof of work of a form submission. */
export function checkSubmission(
	form: { honeypot?: unknown; challenge?: unknown; pow?: unknown },
	now: Date = new Date()
): SpamVerdict {
	if (typeof form.honeypot === 'string' && form.honeypot.trim() !== '')
		return { ok: false, reason: 'honeypot' };
	const challenge = parseChallenge(form.challenge);
	if (!challenge) return { ok: false, reason: 'expired' };
	const age = (now.getTime() - challenge.issuedAt.getTime()) / 1000;
	if (age < MIN_FILL_SECONDS) return { ok: false, reason: 'too_fast' };
	if (age > MAX_FORM_AGE_SECONDS) return { ok: false, reason: 'expired' };
	const pow = typeof form.pow === 'string' ? form.pow.trim() : '';
	if (pow === '') return { ok: true, proofOfWork: false };
	if (!verifyProofOfWork(form.challenge as string, pow, challenge.difficulty))
		return { ok: false, reason: 'proof_of_work' };
	return { ok: true, proofOfWork: true };
}

/**
 * A rate-limit key for a client address: a keyed hash, so that the raw address is never
 * stored (the rows are pruned after a day).
 */
export function addressKey(scope: string, ip: string | undefined): string | null {
	if (!ip) return null;
	return `${scope}:${createHmac('sha256', secret()).update(ip).digest('base64url')}`;
}

/**
 * Counts one submission against a limit per address and throws RateLimitError once the
 * limit is used up (every submission counts, not only failures). Check and count are one step,
 * so concurrent submissions cannot get past the limit.
 */
export async function takeFromLimit(
	db: Executor,
	scope: string,
	ip: string | undefined,
	limit: Omit<Limit, 'key'>
): Promise<void> {
	const key = addressKey(scope, ip);
	if (!key) return;
	await takeFromLimitAtomically(db, { key, ...limit });
}

/** The spam fields of a public form: never sent back to the page. */
export const SPAM_FIELDS = [HONEYPOT_FIELD, 'challenge', 'pow'] as const;

/**
 * The spam checks of a public form as a use case runs them: a failed check is a form error
 * (`inquiries_error_spam_<reason>`). Returns whether a proof of work was solved. The challenge
 * still has to be redeemed in the write's transaction (`redeemChallenge`).
 */
export function rejectSpam(raw: Record<string, unknown>, now: Date = new Date()): boolean {
	const verdict = checkSubmission(
		{ honeypot: raw[HONEYPOT_FIELD], challenge: raw.challenge, pow: raw.pow },
		now
	);
	if (!verdict.ok) throw new ValidationError({ form: `inquiries_error_spam_${verdict.reason}` });
	return verdict.proofOfWork;
}

/**
 * Redeems a checked challenge, inside the transaction that writes the submission (a refused or
 * failed write leaves it unused, so the person can send the form again). A challenge already
 * redeemed is refused: one insert on the nonce's primary key, atomic across app instances.
 */
export async function redeemChallenge(tx: Executor, challenge: unknown): Promise<void> {
	const parsed = parseChallenge(challenge);
	if (!parsed) throw new ValidationError({ form: 'inquiries_error_spam_expired' });
	const rows = await tx
		.insert(redeemedChallenges)
		.values({
			nonce: parsed.nonce,
			expiresAt: new Date(parsed.issuedAt.getTime() + MAX_FORM_AGE_SECONDS * 1000)
		})
		.onConflictDoNothing()
		.returning({ nonce: redeemedChallenges.nonce });
	if (rows.length === 0) throw new ValidationError({ form: 'sa_error_spam_reused' });
}

/** Deletes redeemed challenges that have expired anyway; run by the maintenance loop. */
export async function purgeRedeemedChallenges(
	db: Executor,
	now: Date = new Date()
): Promise<number> {
	const rows = await db
		.delete(redeemedChallenges)
		.where(lt(redeemedChallenges.expiresAt, now))
		.returning({ nonce: redeemedChallenges.nonce });
	return rows.length;
}

/** Roles whose people are known to their tenant: they skip its public forms' spam checks. */
const TRUSTED_ROLES: readonly Role[] = ['coordinator', 'editor', 'member', 'steering'];

/** Whether the actor skips the spam checks on the public forms of this tenant. */
export function skipsSpamChecks(actor: Actor | null | undefined, tenantId: string): boolean {
	if (!actor) return false;
	const role = actor.roles[tenantId];
	return actor.isPlatformAdmin || (!!role && TRUSTED_ROLES.includes(role));
}

/** A public form's spam checks passed: `redeem` the challenge in the write's transaction. */
export interface SpamPass {
	proofOfWork: boolean;
	redeem(tx: Executor): Promise<void>;
}

/**
 * Runs the spam checks of a public form of the context's tenant (skipped for its own people,
 * see `skipsSpamChecks`, unless `everybody`). Throws ValidationError for a failed check.
 */
export function passSpamChecks(
	ctx: { actor: Actor | null; tenant: { id: string } },
	raw: Record<string, unknown>,
	now: Date = new Date(),
	options: { everybody?: boolean } = {}
): SpamPass {
	if (!options.everybody && skipsSpamChecks(ctx.actor, ctx.tenant.id))
		return { proofOfWork: false, redeem: async () => {} };
	const proofOfWork = rejectSpam(raw, now);
	return { proofOfWork, redeem: (tx) => redeemChallenge(tx, raw.challenge) };
}

/**
 * The challenge of a refused submission, to be sent back with the form: the person's second
 * attempt is timed from when the form was first issued, so correcting a missing field and
 * sending again at once is not "too fast". Only a challenge of ours that has not expired is
 * kept; otherwise the page issues a new one.
 */
export function challengeToKeep(value: unknown, now: Date = new Date()): string | null {
	const parsed = parseChallenge(value);
	if (!parsed) return null;
	return now.getTime() - parsed.issuedAt.getTime() <= MAX_FORM_AGE_SECONDS * 1000
		? (value as string)
		: null;
}

/**
 * For `formAction`'s `keep`: a submission refused for its fields carries its challenge back as
 * `challenge` (see challengeToKeep), which the page prefers to a freshly issued one.
 */
export function keptChallenge(form: FormData): { challenge: string | null } {
	return { challenge: challengeToKeep(form.get('challenge')) };
}
