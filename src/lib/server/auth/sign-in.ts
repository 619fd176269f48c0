import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { users } from './schema';
import { signInInput } from './validation';
import { dummyPasswordHash, verifyPassword } from './password';
import { reserveSignIn, settleSignIn } from './throttle';
import { createSession } from './sessions';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow } from '../shared';

/**
 * Signs in with e-mail and password. Throws ValidationError (wrong input or credentials, one
 * message for unknown e-mail and wrong password) or RateLimitError (too many failures from this
 * address for this account, or from this address overall: see throttle.ts).
 */
export async function signIn(
	ctx: Ctx,
	raw: unknown,
	now: Date = new Date()
): Promise<{ token: string; expiresAt: Date; userId: string; locale: string | null }> {
	const parsed = parseOrThrow(signInInput, raw);
	const { email, password } = parsed;
	// counted before the password is checked (see throttle.ts); a success gives it back
	const ticket = await reserveSignIn(ctx.db, email, ctx.ip, now);
	const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
	const ok =
		user && user.passwordHash && !user.disabledAt
			? await verifyPassword(user.passwordHash, password)
			: (await verifyPassword(await dummyPasswordHash(), password), false);
	if (!ok || !user) {
		throw new ValidationError({ form: 'error_sign_in_failed' });
	}
	return ctx.db.transaction(async (tx) => {
		await settleSignIn(tx, ticket);
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
