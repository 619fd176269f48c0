import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { users } from './schema';
import { signInInput } from './validation';
import { dummyPasswordHash, verifyPassword } from './password';
import { assertWithinLimits, clearFailures, recordFailure, SIGN_IN_LIMITS } from './rate-limit';
import { createSession } from './sessions';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow } from '../shared';

/**
 * Signs in with e-mail and password. Throws ValidationError (wrong input or credentials, one
 * message for unknown e-mail and wrong password) or RateLimitError (too many failures).
 */
export async function signIn(
	ctx: Ctx,
	raw: unknown
): Promise<{ token: string; expiresAt: Date; userId: string; locale: string | null }> {
	const parsed = parseOrThrow(signInInput, raw);
	const { email, password } = parsed;
	const emailKey = `email:${email}`;
	const ipKey = ctx.ip ? `ip:${ctx.ip}` : null;
	await assertWithinLimits(ctx.db, [
		{ key: emailKey, ...SIGN_IN_LIMITS.perEmail },
		...(ipKey ? [{ key: ipKey, ...SIGN_IN_LIMITS.perIp }] : [])
	]);
	const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
	const ok =
		user && user.passwordHash && !user.disabledAt
			? await verifyPassword(user.passwordHash, password)
			: (await verifyPassword(await dummyPasswordHash(), password), false);
	if (!ok || !user) {
		await recordFailure(ctx.db, [emailKey, ...(ipKey ? [ipKey] : [])]);
		throw new ValidationError({ form: 'error_sign_in_failed' });
	}
	return ctx.db.transaction(async (tx) => {
		await clearFailures(tx, emailKey);
		const session = await createSession(tx, user.id);
		await recordAudit(
			tx,
			{ requestId: ctx.requestId, actor: { userId: user.id } },
			{
				tenantId: null,
				action: 'user.sign_in',
				entityType: 'user',
				entityId: user.id
			}
		);
		return { ...session, userId: user.id, locale: user.locale };
	});
}
