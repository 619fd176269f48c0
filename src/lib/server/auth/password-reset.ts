import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import { mailLocale } from '../context';
import { passwordResets, sessions, users } from './schema';
import { email as emailSchema, setPasswordInput } from './validation';
import { hashToken, newToken } from './tokens';
import { hashPassword } from './password';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { passwordResetMail } from '../mail/templates';
import { assertWithinLimits, recordFailure } from './rate-limit';
import { parseOrThrow } from '../shared';

export const RESET_MINUTES = 60;

/**
 * Sends a reset link when an account with a password exists. The caller always shows the same
 * answer, so the form does not reveal which addresses have accounts.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email?: unknown }): Promise<void> {
	const parsed = emailSchema.safeParse(input.email ?? '');
	if (!parsed.success)
		throw new ValidationError({ email: parsed.error.issues[0]?.message ?? 'error_email_invalid' });
	const email = parsed.data;
	// At most three reset mails per address and hour; further requests are silently dropped.
	const key = `reset:${email}`;
	try {
		await assertWithinLimits(ctx.db, [{ key, max: 3, windowSeconds: 3600 }]);
	} catch {
		return;
	}
	const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
	if (!user || !user.passwordHash || user.disabledAt) return;
	const token = newToken();
	await ctx.db.transaction(async (tx) => {
		await recordFailure(tx, [key]);
		await tx.insert(passwordResets).values({
			tokenHash: hashToken(token),
			userId: user.id,
			expiresAt: new Date(Date.now() + RESET_MINUTES * 60 * 1000)
		});
		await enqueueMail(
			tx,
			null,
			passwordResetMail({
				to: user.email,
				name: user.name,
				link: `${ctx.origin}/passwort-zuruecksetzen/${token}`,
				locale: user.locale === 'en' ? 'en' : mailLocale(ctx.locale)
			})
		);
	});
}

export async function isResetTokenValid(ctx: Ctx, input: { token: string }): Promise<boolean> {
	const [row] = await ctx.db
		.select({ userId: passwordResets.userId })
		.from(passwordResets)
		.where(
			and(
				eq(passwordResets.tokenHash, hashToken(input.token)),
				isNull(passwordResets.usedAt),
				gt(passwordResets.expiresAt, new Date())
			)
		);
	return !!row;
}

/** Sets the new password, uses up the token and ends all sessions of the account. */
export async function resetPassword(
	ctx: Ctx,
	raw: { token: string; password?: unknown; passwordConfirm?: unknown }
): Promise<void> {
	const parsed = parseOrThrow(setPasswordInput, raw);
	const passwordHash = await hashPassword(parsed.password);
	await ctx.db.transaction(async (tx) => {
		const [reset] = await tx
			.select()
			.from(passwordResets)
			.where(eq(passwordResets.tokenHash, hashToken(raw.token)))
			.for('update');
		if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) {
			throw new ValidationError({ form: 'error_reset_invalid' });
		}
		await tx
			.update(users)
			.set({ passwordHash, updatedAt: new Date() })
			.where(eq(users.id, reset.userId));
		await tx
			.update(passwordResets)
			.set({ usedAt: new Date() })
			.where(eq(passwordResets.tokenHash, reset.tokenHash));
		await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
		await recordAudit(
			tx,
			{ requestId: ctx.requestId, actor: { userId: reset.userId } },
			{
				tenantId: null,
				action: 'user.password_reset',
				entityType: 'user',
				entityId: reset.userId
			}
		);
	});
}
