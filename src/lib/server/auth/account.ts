import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { sessions, users } from './schema';
import { newPassword } from './validation';
import { hashPassword, verifyPassword } from './password';
import { hashToken } from './tokens';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow } from '../shared';

const changePasswordInput = z
	.object({
		currentPassword: z.string().min(1, { error: 'error_password_required' }),
		password: newPassword,
		passwordConfirm: z.string()
	})
	.refine((v) => v.password === v.passwordConfirm, {
		error: 'error_password_mismatch',
		path: ['passwordConfirm']
	});

/**
 * A signed-in person changes their password. All their other sessions end; the one in use
 * (identified by its token, `sessionToken`) stays.
 */
export async function changePassword(
	ctx: Ctx,
	raw: { sessionToken: string | null; [field: string]: unknown }
): Promise<void> {
	if (!ctx.actor) throw new NotFoundError();
	const currentSessionToken = raw.sessionToken;
	const actor = ctx.actor;
	const parsed = parseOrThrow(changePasswordInput, raw);
	const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
	if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, parsed.currentPassword))) {
		throw new ValidationError({ currentPassword: 'error_current_password_wrong' });
	}
	const passwordHash = await hashPassword(parsed.password);
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ passwordHash, updatedAt: new Date() })
			.where(eq(users.id, actor.userId));
		await tx
			.delete(sessions)
			.where(
				currentSessionToken
					? and(eq(sessions.userId, actor.userId), ne(sessions.id, hashToken(currentSessionToken)))
					: eq(sessions.userId, actor.userId)
			);
		await recordAudit(tx, ctx, {
			tenantId: null,
			action: 'user.password_change',
			entityType: 'user',
			entityId: actor.userId
		});
	});
}

const nameInput = z.object({
	name: z
		.string()
		.trim()
		.min(1, { error: 'error_name_required' })
		.max(200, { error: 'error_name_too_long' })
});

/** A signed-in person changes the name others see. */
export async function changeName(ctx: Ctx, raw: unknown): Promise<void> {
	if (!ctx.actor) throw new NotFoundError();
	const actor = ctx.actor;
	const parsed = parseOrThrow(nameInput, raw);
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ name: parsed.name, updatedAt: new Date() })
			.where(eq(users.id, actor.userId));
		await recordAudit(tx, ctx, {
			tenantId: null,
			action: 'user.name_change',
			entityType: 'user',
			entityId: actor.userId,
			before: { name: actor.name },
			after: { name: parsed.name }
		});
	});
}

/** The UI language chosen (on the language switch) follows a signed-in person to other devices. */
export async function saveLocale(ctx: Ctx, input: { locale: Ctx['locale'] }): Promise<void> {
	if (!ctx.actor) return;
	await ctx.db.update(users).set({ locale: input.locale }).where(eq(users.id, ctx.actor.userId));
}
