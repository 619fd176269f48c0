/**
 * One reminder mail before an action item's due date (sendActionItemReminders, hourly from
 * runtime.ts).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { tenantMembers, users } from '../auth/schema';
import { bodies, bodyMemberships } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';
import { tenants } from '../tenants/schema';
import { notify } from '../notifications/notify';
import { coordinatorsOf, type Recipient } from '../organizations/editors';
import { actionItems, type ActionItem, type ActionItemState } from './schema';
import { actionItemReminderMail } from './mails';
import { mailLocale } from '../mail/compose';
import { berlinToday } from '../shared';

const OPEN_STATES: ActionItemState[] = ['open', 'in_progress'];

const REMINDER_DAYS = 3;
const BATCH = 500;

/**
 * Mails one reminder per open or in-progress item whose due date is at most three days away (or
 * already passed) and that was not reminded yet: to the assigned person, or — when only an
 * organisation (or nobody) is assigned — to the body's speakers (the coordination when the body
 * has none). Safe with several instances (FOR UPDATE SKIP LOCKED). Returns the counts.
 */
export async function sendActionItemReminders(
	db: Db,
	origin: string,
	now: Date = new Date()
): Promise<{ items: number; mails: number }> {
	const limit = berlinToday(new Date(now.getTime() + REMINDER_DAYS * 86_400_000));
	const today = berlinToday(now);
	const total = { items: 0, mails: 0 };
	for (let i = 0; i < 100; i++) {
		const batch = await db.transaction(async (tx) => {
			const due = await tx
				.select({
					item: actionItems,
					slug: tenants.slug,
					bodyName: bodies.name
				})
				.from(actionItems)
				.innerJoin(tenants, eq(tenants.id, actionItems.tenantId))
				.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
				.where(
					and(
						inArray(actionItems.state, OPEN_STATES),
						isNull(actionItems.remindedAt),
						sql`${actionItems.dueDate} <= ${limit}::date`
					)
				)
				.orderBy(asc(actionItems.dueDate))
				.limit(BATCH)
				.for('update', { of: actionItems, skipLocked: true });
			let mails = 0;
			for (const { item, slug, bodyName } of due) {
				const recipients = await reminderRecipients(tx, item, today);
				for (const who of recipients) {
					const forSpeaker = who.userId !== item.assigneeUserId;
					const link = `${origin}/app/${slug}/aufgaben#task-${item.id}`;
					const bodyLink = `${origin}/app/${slug}/gremien/${item.bodyId}/aufgaben#task-${item.id}`;
					// through the person's notification setting; once per item, due date and person
					const result = await notify(tx, {
						origin,
						tenantId: item.tenantId,
						userId: who.userId,
						kind: 'action_item',
						key: `action_item.reminder:${item.id}:${item.dueDate}`,
						link: forSpeaker ? bodyLink : link,
						mail: (r) =>
							actionItemReminderMail({
								...r,
								title: item.title,
								bodyName,
								dueDate: item.dueDate!,
								overdue: item.dueDate! < today,
								link,
								bodyLink,
								forSpeaker
							})
					});
					if (result !== 'mailed') continue;
					mails++;
				}
			}
			if (due.length > 0)
				await tx
					.update(actionItems)
					.set({ remindedAt: now })
					.where(
						inArray(
							actionItems.id,
							due.map((d) => d.item.id)
						)
					);
			return { items: due.length, mails };
		});
		total.items += batch.items;
		total.mails += batch.mails;
		if (batch.items < BATCH) break;
	}
	return total;
}

async function reminderRecipients(
	tx: Executor,
	item: ActionItem,
	today: string
): Promise<Recipient[]> {
	if (item.assigneeUserId) {
		const [person] = await tx
			.select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
			.from(users)
			.innerJoin(
				tenantMembers,
				and(eq(tenantMembers.userId, users.id), eq(tenantMembers.tenantId, item.tenantId))
			)
			.where(and(eq(users.id, item.assigneeUserId), isNull(users.disabledAt)));
		if (person) return [{ ...person, locale: mailLocale(person.locale) }];
	}
	const speakers = await tx
		.select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.where(
			and(
				eq(bodyMemberships.tenantId, item.tenantId),
				eq(bodyMemberships.bodyId, item.bodyId),
				eq(bodyMemberships.role, 'speaker'),
				isCurrentMembership(today),
				isNull(users.disabledAt)
			)
		);
	if (speakers.length > 0) return speakers.map((s) => ({ ...s, locale: mailLocale(s.locale) }));
	return coordinatorsOf(tx, item.tenantId);
}
