/** A person's notification settings (/konto): per kind immediately, weekly digest or off. */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow } from '../shared';
import {
	NOTIFICATION_KINDS,
	NOTIFICATION_MODES,
	notificationSettings,
	type NotificationKind,
	type NotificationMode
} from './schema';

export type NotificationSettings = Record<NotificationKind, NotificationMode>;

/** The signed-in person's settings (immediately where nothing is chosen). */
export async function getNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
	if (!ctx.actor) throw new NotFoundError();
	const rows = await ctx.db
		.select({ kind: notificationSettings.kind, mode: notificationSettings.mode })
		.from(notificationSettings)
		.where(eq(notificationSettings.userId, ctx.actor.userId));
	const settings = Object.fromEntries(
		NOTIFICATION_KINDS.map((k) => [k, 'immediate'])
	) as NotificationSettings;
	for (const r of rows) settings[r.kind] = r.mode;
	return settings;
}

const modeField = z.enum(NOTIFICATION_MODES, { error: 'workspace_error_mode' });
const settingsInput = z.object(
	Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, modeField])) as Record<
		NotificationKind,
		typeof modeField
	>
);

/** Saves all four settings at once (form fields named after the kinds). */
export async function saveNotificationSettings(ctx: Ctx, raw: unknown): Promise<void> {
	if (!ctx.actor) throw new NotFoundError();
	const actor = ctx.actor;
	const parsed = parseOrThrow(settingsInput, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await getNotificationSettings({ ...ctx, db: tx });
		await tx
			.insert(notificationSettings)
			.values(
				NOTIFICATION_KINDS.map((kind) => ({ userId: actor.userId, kind, mode: parsed[kind] }))
			)
			.onConflictDoUpdate({
				target: [notificationSettings.userId, notificationSettings.kind],
				set: { mode: sql`excluded.mode`, updatedAt: new Date() }
			});
		await recordAudit(tx, ctx, {
			tenantId: null,
			action: 'user.notification_settings',
			entityType: 'user',
			entityId: actor.userId,
			before,
			after: parsed
		});
	});
}
