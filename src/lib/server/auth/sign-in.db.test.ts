import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildTenant, buildUser, grantRole } from '../factories';
import { signIn } from './sign-in';
import {
	countActiveSessions,
	createSession,
	invalidateAllSessions,
	invalidateSession,
	SESSION_DAYS,
	validateSession
} from './sessions';
import { isResetTokenValid, requestPasswordReset, resetPassword } from './password-reset';
import { passwordResets, sessions, users } from './schema';
import { hashToken } from './tokens';
import { SIGN_IN_THROTTLE } from './throttle';
import { outbox } from '../mail/schema';
import { auditLog } from '../audit/schema';
import { RateLimitError, ValidationError } from '../errors';
import { configurePublicCache, invalidatePublicCache } from '../cache/public-cache';

const PASSWORD = 'correct horse battery';
const DAY = 24 * 60 * 60 * 1000;
const database = useTestDb();

const ctx = (extra: { ip?: string } = {}) => testCtx(database.db, null, extra);
/** Sets a new password with a reset token (confirmed with the same unless given). */
const reset = (token: string, password: string, passwordConfirm = password) =>
	resetPassword(ctx(), { token, password, passwordConfirm });

async function failure(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to fail');
}

/** A new user's session that expires in `days` days (in its second half: due for renewal). */
async function sessionExpiringIn(days: number): Promise<string> {
	const user = await buildUser(database.db);
	const { token } = await createSession(database.db, user.id);
	await database.db
		.update(sessions)
		.set({ expiresAt: new Date(Date.now() + days * DAY) })
		.where(eq(sessions.id, hashToken(token)));
	return token;
}

describe('signIn', () => {
	it('creates a session that validateSession accepts, and writes an audit row', async () => {
		const tenant = await buildTenant(database.db);
		const user = await buildUser(database.db);
		await grantRole(database.db, tenant.id, user.id, 'member');
		const result = await signIn(ctx(), {
			email: ` ${user.email.toUpperCase()} `,
			password: PASSWORD
		});
		expect(result.userId).toBe(user.id);
		expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);

		const session = await validateSession(database.db, result.token);
		expect(session?.actor).toMatchObject({
			userId: user.id,
			email: user.email,
			roles: { [tenant.id]: 'member' }
		});
		expect(session?.renewed).toBe(false);
		// only the hash of the token is stored
		const [row] = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
		expect(row.id).toBe(hashToken(result.token));

		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'user.sign_in'), eq(auditLog.actorId, user.id)));
		expect(audits).toHaveLength(1);
	});

	it('gives the same answer for a wrong password and an unknown e-mail, and creates no session', async () => {
		const user = await buildUser(database.db);
		const wrongPassword = await failure(
			signIn(ctx(), { email: user.email, password: 'falsches passwort' })
		);
		const unknownEmail = await failure(
			signIn(ctx(), { email: 'niemand@example.org', password: PASSWORD })
		);
		expect(wrongPassword).toBeInstanceOf(ValidationError);
		expect((wrongPassword as ValidationError).fieldErrors).toEqual({
			form: 'error_sign_in_failed'
		});
		expect(unknownEmail).toEqual(wrongPassword);
		expect((unknownEmail as ValidationError).fieldErrors).toEqual({ form: 'error_sign_in_failed' });
		expect(await countActiveSessions(database.db, user.id)).toBe(0);
	});

	it('refuses accounts without a password and disabled accounts like a wrong password', async () => {
		const invited = await buildUser(database.db, { password: null });
		const disabled = await buildUser(database.db, { disabledAt: new Date() });
		for (const user of [invited, disabled]) {
			const error = await failure(signIn(ctx(), { email: user.email, password: PASSWORD }));
			expect((error as ValidationError).fieldErrors).toEqual({ form: 'error_sign_in_failed' });
		}
	});

	it('reports missing fields', async () => {
		const error = await failure(signIn(ctx(), { email: '', password: '' }));
		expect((error as ValidationError).fieldErrors).toEqual({
			email: 'error_email_required',
			password: 'error_password_required'
		});
	});

	it(`makes the (account, address) pair wait after ${SIGN_IN_THROTTLE.freePerPair} failures, even for the right password`, async () => {
		const user = await buildUser(database.db);
		for (let i = 0; i < SIGN_IN_THROTTLE.freePerPair; i++) {
			expect(
				await failure(signIn(ctx(), { email: user.email, password: `falsch-${i}` }))
			).toBeInstanceOf(ValidationError);
		}
		const locked = await failure(signIn(ctx(), { email: user.email, password: PASSWORD }));
		expect(locked).toBeInstanceOf(RateLimitError);
		expect((locked as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
		expect((locked as RateLimitError).retryAfterSeconds).toBeLessThanOrEqual(
			SIGN_IN_THROTTLE.firstWaitSeconds
		);
		expect(await countActiveSessions(database.db, user.id)).toBe(0);
		// another account is not affected
		const other = await buildUser(database.db);
		await expect(signIn(ctx(), { email: other.email, password: PASSWORD })).resolves.toMatchObject({
			userId: other.id
		});
	});

	it('forgets earlier failures after a successful sign-in', async () => {
		const user = await buildUser(database.db);
		for (let i = 0; i < SIGN_IN_THROTTLE.freePerPair - 1; i++) {
			await failure(signIn(ctx(), { email: user.email, password: 'falsch' }));
		}
		await signIn(ctx(), { email: user.email, password: PASSWORD });
		for (let i = 0; i < SIGN_IN_THROTTLE.freePerPair - 1; i++) {
			await failure(signIn(ctx(), { email: user.email, password: 'falsch' }));
		}
		await expect(signIn(ctx(), { email: user.email, password: PASSWORD })).resolves.toMatchObject({
			userId: user.id
		});
	});
});

describe('sessions', () => {
	it('invalidateAllSessions ends every session of the person and no one else’s', async () => {
		const user = await buildUser(database.db);
		const other = await buildUser(database.db);
		const first = await signIn(ctx(), { email: user.email, password: PASSWORD });
		const second = await signIn(ctx(), { email: user.email, password: PASSWORD });
		const others = await signIn(ctx(), { email: other.email, password: PASSWORD });
		expect(await countActiveSessions(database.db, user.id)).toBe(2);

		expect(await invalidateAllSessions(database.db, user.id)).toBe(2);
		expect(await validateSession(database.db, first.token)).toBeNull();
		expect(await validateSession(database.db, second.token)).toBeNull();
		expect(await validateSession(database.db, others.token)).not.toBeNull();
	});

	it('invalidateSession ends only that session', async () => {
		const user = await buildUser(database.db);
		const first = await signIn(ctx(), { email: user.email, password: PASSWORD });
		const second = await signIn(ctx(), { email: user.email, password: PASSWORD });
		await invalidateSession(database.db, first.token);
		expect(await validateSession(database.db, first.token)).toBeNull();
		expect(await validateSession(database.db, second.token)).not.toBeNull();
	});

	it('rejects and deletes an expired session', async () => {
		const user = await buildUser(database.db);
		const { token } = await createSession(database.db, user.id);
		await database.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, hashToken(token)));
		expect(await validateSession(database.db, token)).toBeNull();
		expect(
			await database.db
				.select()
				.from(sessions)
				.where(eq(sessions.id, hashToken(token)))
		).toHaveLength(0);
	});

	it('extends a session used in its second half', async () => {
		const token = await sessionExpiringIn(2);
		const validated = await validateSession(database.db, token);
		expect(validated?.renewed).toBe(true);
		expect(validated!.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);
		const [row] = await database.db
			.select()
			.from(sessions)
			.where(eq(sessions.id, hashToken(token)));
		expect(row.expiresAt.getTime()).toBe(validated!.expiresAt.getTime());
	});

	it('rejects the session of a disabled account', async () => {
		const user = await buildUser(database.db);
		const { token } = await signIn(ctx(), { email: user.email, password: PASSWORD });
		await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
		expect(await validateSession(database.db, token)).toBeNull();
	});

	it('rejects an unknown token', async () => {
		expect(await validateSession(database.db, 'gibt-es-nicht')).toBeNull();
	});
});

describe('sessions kept until the next change (public cache on)', () => {
	beforeEach(() => {
		configurePublicCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
	});
	afterEach(() => {
		configurePublicCache({ maxBytes: 0, ttlMs: 0 });
	});

	it('reads a session once, and again after a change through the app', async () => {
		const user = await buildUser(database.db);
		const { token } = await signIn(ctx(), { email: user.email, password: PASSWORD });
		expect((await validateSession(database.db, token))?.actor.userId).toBe(user.id);
		// removed outside the app (by SQL): the kept row still answers until the next change …
		await database.db.delete(sessions).where(eq(sessions.id, hashToken(token)));
		expect((await validateSession(database.db, token))?.actor.userId).toBe(user.id);
		// … which every change through the app (a form action, sign-out) announces
		await invalidatePublicCache();
		expect(await validateSession(database.db, token)).toBeNull();
	});

	it('does not renew a session again on the next request', async () => {
		const token = await sessionExpiringIn(2);
		const first = await validateSession(database.db, token);
		expect(first?.renewed).toBe(true);
		const second = await validateSession(database.db, token);
		expect(second?.renewed).toBe(false);
		expect(second!.expiresAt.getTime()).toBe(first!.expiresAt.getTime());
	});
});

describe('password reset', () => {
	async function mailsTo(email: string) {
		return database.db
			.select()
			.from(outbox)
			.where(sql`${outbox.payload}->>'to' = ${email}`);
	}
	function tokenFrom(text: string): string {
		const match = text.match(/http:\/\/localhost:3000\/passwort-zuruecksetzen\/([A-Za-z0-9_-]+)/);
		if (!match) throw new Error(`no reset link in: ${text}`);
		return match[1];
	}

	it('queues a mail with a link only for an existing account', async () => {
		const user = await buildUser(database.db);
		await requestPasswordReset(ctx(), { email: user.email.toUpperCase() });
		await requestPasswordReset(ctx(), { email: 'niemand-hier@example.org' });
		const mails = await mailsTo(user.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].tenantId).toBeNull();
		expect(await isResetTokenValid(ctx(), { token: tokenFrom(mails[0].payload.text) })).toBe(true);
		expect(await mailsTo('niemand-hier@example.org')).toHaveLength(0);
	});

	it('sends nothing for an account without a password or a disabled one', async () => {
		const invited = await buildUser(database.db, { password: null });
		const disabled = await buildUser(database.db, { disabledAt: new Date() });
		await requestPasswordReset(ctx(), { email: invited.email });
		await requestPasswordReset(ctx(), { email: disabled.email });
		expect(await mailsTo(invited.email)).toHaveLength(0);
		expect(await mailsTo(disabled.email)).toHaveLength(0);
	});

	it('sends at most three mails per address and hour', async () => {
		const user = await buildUser(database.db);
		for (let i = 0; i < 5; i++) await requestPasswordReset(ctx(), { email: user.email });
		expect(await mailsTo(user.email)).toHaveLength(3);
	});

	it('sets the new password, ends all sessions and is single use', async () => {
		const user = await buildUser(database.db);
		const session = await signIn(ctx(), { email: user.email, password: PASSWORD });
		await requestPasswordReset(ctx(), { email: user.email });
		const token = tokenFrom((await mailsTo(user.email))[0].payload.text);
		const newPassword = 'ein-ganz-neues-passwort';

		await reset(token, newPassword);

		expect(await validateSession(database.db, session.token)).toBeNull();
		expect(await countActiveSessions(database.db, user.id)).toBe(0);
		const oldPassword = await failure(signIn(ctx(), { email: user.email, password: PASSWORD }));
		expect((oldPassword as ValidationError).fieldErrors).toEqual({ form: 'error_sign_in_failed' });
		await expect(
			signIn(ctx(), { email: user.email, password: newPassword })
		).resolves.toMatchObject({ userId: user.id });
		expect(await isResetTokenValid(ctx(), { token })).toBe(false);

		const again = await failure(reset(token, 'noch-ein-passwort'));
		expect((again as ValidationError).fieldErrors).toEqual({ form: 'error_reset_invalid' });
		await expect(
			signIn(ctx(), { email: user.email, password: newPassword })
		).resolves.toMatchObject({ userId: user.id });
	});

	it('refuses an expired token and a mismatched confirmation without changing the password', async () => {
		const user = await buildUser(database.db);
		await requestPasswordReset(ctx(), { email: user.email });
		const token = tokenFrom((await mailsTo(user.email))[0].payload.text);

		const mismatch = await failure(reset(token, 'ein-neues-passwort', 'ein-anderes'));
		expect((mismatch as ValidationError).fieldErrors).toEqual({
			passwordConfirm: 'error_password_mismatch'
		});

		await database.db
			.update(passwordResets)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(passwordResets.tokenHash, hashToken(token)));
		expect(await isResetTokenValid(ctx(), { token })).toBe(false);
		const expired = await failure(reset(token, 'ein-neues-passwort'));
		expect((expired as ValidationError).fieldErrors).toEqual({ form: 'error_reset_invalid' });

		const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
		expect(after.passwordHash).toBe(user.passwordHash);
	});
});
