/**
 * Reminders to confirm offers. A published, not expired offer whose last confirmation is older
 * than the tenant's period (settings.offerConfirmationMonths, default 6) gets its owners one
 * mail per period: the organisation's editors, or the coordinators if it has none.
 * Run from the maintenance interval (runtime.ts); safe with several instances (SKIP LOCKED).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import { DEFAULT_OFFER_CONFIRMATION_MONTHS } from '../tenants/settings';
import { enqueueMail } from '../mail/enqueue';
import { coordinatorsOf, editorsOf, type Recipient } from '../organizations/editors';
import { offers, offerTexts } from './schema';
import { isPubliclyVisible } from './visibility';
import { confirmationReminderMail } from './mails';

const BATCH = 500;

/** SQL: the tenant's confirmation period in months (join tenants). */
export const monthsSql = sql<number>`coalesce((${tenants.settings}->>'offerConfirmationMonths')::int, ${DEFAULT_OFFER_CONFIRMATION_MONTHS}::int)`;

/** SQL: offers that are due for a reminder now. */
export function dueForReminder() {
	return and(
		isPubliclyVisible(),
		sql`coalesce(${offers.lastConfirmedAt}, ${offers.publishedAt}, ${offers.createdAt}) < now() - make_interval(months => ${monthsSql})`,
		sql`(${offers.confirmationRemindedAt} is null or ${offers.confirmationRemindedAt} < now() - make_interval(months => ${monthsSql}))`
	);
}

async function sendBatch(db: Db, origin: string): Promise<{ offers: number; mails: number }> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select({
				id: offers.id,
				tenantId: offers.tenantId,
				organizationId: offers.organizationId,
				slug: tenants.slug,
				tenantName: tenants.name,
				months: monthsSql
			})
			.from(offers)
			.innerJoin(tenants, eq(tenants.id, offers.tenantId))
			.where(dueForReminder())
			.orderBy(offers.tenantId, offers.organizationId)
			.limit(BATCH)
			.for('update', { of: offers, skipLocked: true });
		if (due.length === 0) return { offers: 0, mails: 0 };
		const titles = new Map(
			(
				await tx
					.select({ offerId: offerTexts.offerId, title: offerTexts.title })
					.from(offerTexts)
					.where(
						and(
							inArray(
								offerTexts.offerId,
								due.map((d) => d.id)
							),
							eq(offerTexts.locale, 'de')
						)
					)
			).map((t) => [t.offerId, t.title])
		);
		let mails = 0;
		const byTenant = new Map<string, typeof due>();
		for (const d of due) byTenant.set(d.tenantId, [...(byTenant.get(d.tenantId) ?? []), d]);
		for (const [tenantId, rows] of byTenant) {
			const { slug, tenantName } = rows[0];
			const months = Number(rows[0].months);
			const orgIds = [...new Set(rows.map((r) => r.organizationId))];
			const editors = await editorsOf(tx, tenantId, orgIds);
			const withEditors = new Set(editors.map((e) => e.organizationId));
			const coordinators = orgIds.some((o) => !withEditors.has(o))
				? await coordinatorsOf(tx, tenantId)
				: [];
			// recipient → their offers
			const perPerson = new Map<string, { who: Recipient; offerIds: Set<string> }>();
			const add = (who: Recipient, offerId: string) => {
				const entry = perPerson.get(who.userId) ?? { who, offerIds: new Set<string>() };
				entry.offerIds.add(offerId);
				perPerson.set(who.userId, entry);
			};
			for (const r of rows) {
				const owners = withEditors.has(r.organizationId)
					? editors.filter((e) => e.organizationId === r.organizationId)
					: coordinators;
				for (const o of owners) add(o, r.id);
			}
			for (const { who, offerIds } of perPerson.values()) {
				await enqueueMail(
					tx,
					tenantId,
					confirmationReminderMail({
						to: who.email,
						name: who.name,
						tenantName,
						months,
						offers: [...offerIds].map((id) => ({
							title: titles.get(id) ?? '',
							link: `${origin}/app/${slug}/angebote/${id}`
						})),
						locale: who.locale
					})
				);
				mails++;
			}
		}
		await tx
			.update(offers)
			.set({ confirmationRemindedAt: new Date() })
			.where(
				inArray(
					offers.id,
					due.map((d) => d.id)
				)
			);
		return { offers: due.length, mails };
	});
}

/** Sends the reminders that are due; returns how many offers and mails it handled. */
export async function sendConfirmationReminders(
	db: Db,
	origin: string
): Promise<{ offers: number; mails: number }> {
	const total = { offers: 0, mails: 0 };
	for (let i = 0; i < 100; i++) {
		const batch = await sendBatch(db, origin);
		total.offers += batch.offers;
		total.mails += batch.mails;
		if (batch.offers < BATCH) break;
	}
	return total;
}
