/**
 * The weekly digest (from the maintenance loop, runtime.ts): a person whose oldest waiting
 * notification is a week old gets one mail listing all waiting ones, which are then marked;
 * so a rerun sends nothing twice, and nobody gets more than one digest a week. Safe with
 * several instances (FOR UPDATE SKIP LOCKED).
 */
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import { users } from '../auth/schema';
import { enqueueMail } from '../mail/enqueue';
import { composeMail, mailLocale } from '../mail/compose';
import { dateText } from '../shared/date-text';
import { notifications } from './schema';
import { withSettingsLine } from './notify';

const WEEK = 7 * 86_400_000;

export async function sendWeeklyDigests(
	db: Db,
	origin: string,
	now: Date = new Date()
): Promise<{ digests: number; entries: number }> {
	const weekAgo = new Date(now.getTime() - WEEK);
	const due = await db
		.select({ userId: notifications.userId })
		.from(notifications)
		.where(and(eq(notifications.mode, 'weekly'), isNull(notifications.digestedAt)))
		.groupBy(notifications.userId)
		.having(sql`min(${notifications.createdAt}) <= ${weekAgo.toISOString()}::timestamptz`);
	const total = { digests: 0, entries: 0 };
	for (const { userId } of due) {
		const sent = await db.transaction(async (tx) => {
			const rows = await tx
				.select()
				.from(notifications)
				.where(
					and(
						eq(notifications.userId, userId),
						eq(notifications.mode, 'weekly'),
						isNull(notifications.digestedAt),
						lte(notifications.createdAt, now)
					)
				)
				.orderBy(asc(notifications.createdAt))
				.for('update', { skipLocked: true });
			if (rows.length === 0) return 0;
			const [person] = await tx
				.select({ email: users.email, name: users.name, locale: users.locale })
				.from(users)
				.where(and(eq(users.id, userId), isNull(users.disabledAt)));
			if (person) {
				const locale = mailLocale(person.locale);
				const lines = rows.map(
					(r) => `- ${dateText(r.createdAt, locale, 'numeric')}: ${r.subject}\n  ${r.link}`
				);
				const payload = composeMail(
					{ to: person.email, locale },
					m.workspace_mail_digest_subject({ count: rows.length }, { locale }),
					`${m.workspace_mail_digest_body({ name: person.name, count: rows.length }, { locale })}\n\n${lines.join('\n')}`
				);
				await enqueueMail(tx, rows[0].tenantId, withSettingsLine(payload, origin, locale));
			}
			await tx
				.update(notifications)
				.set({ digestedAt: now })
				.where(
					inArray(
						notifications.id,
						rows.map((r) => r.id)
					)
				);
			return person ? rows.length : 0;
		});
		if (sent > 0) {
			total.digests++;
			total.entries += sent;
		}
	}
	return total;
}
