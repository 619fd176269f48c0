import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildOffer, buildOrganization, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { outbox } from '../mail/schema';
import { offers } from './schema';
import { sendConfirmationReminders } from './reminders';
import { listOffers } from './list';
import { confirmOffer } from './status';
import { addDays, berlinToday as berlinDateString } from '../shared';

const database = useTestDb();

const monthsAgo = (n: number, days = 1) => {
	const d = new Date();
	d.setMonth(d.getMonth() - n);
	d.setDate(d.getDate() - days);
	return d;
};

async function mailsTo(tenantId: string) {
	const rows = await database.db.select().from(outbox).where(eq(outbox.tenantId, tenantId));
	return rows.map((r) => r.payload);
}

describe('sendConfirmationReminders', () => {
	it('reminds the editors of offers unconfirmed for longer than the period, once', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const org = await buildOrganization(db, tenant.id);
		const editor = await buildUser(db);
		await grantRole(db, tenant.id, editor.id, 'editor', [org.id]);
		const coordinator = await buildUser(db);
		await grantRole(db, tenant.id, coordinator.id, 'coordinator');
		const old = monthsAgo(6);
		const due = await buildOffer(db, tenant.id, org.id, { title: 'Alt', lastConfirmedAt: old });
		const due2 = await buildOffer(db, tenant.id, org.id, {
			title: 'Auch alt',
			lastConfirmedAt: old
		});
		const fresh = await buildOffer(db, tenant.id, org.id, {
			title: 'Frisch',
			lastConfirmedAt: monthsAgo(5)
		});
		const draft = await buildOffer(db, tenant.id, org.id, {
			title: 'Entwurf',
			status: 'draft',
			lastConfirmedAt: old
		});
		const expired = await buildOffer(db, tenant.id, org.id, {
			title: 'Abgelaufen',
			lastConfirmedAt: old,
			validTo: addDays(berlinDateString(), -1)
		});

		await sendConfirmationReminders(db, 'https://netz.example');
		const mails = await mailsTo(tenant.id);
		// one mail per person, listing both due offers; the coordinator gets none (there is an editor)
		expect(mails.map((m) => m.to)).toEqual([editor.email]);
		expect(mails[0].text).toContain('Alt');
		expect(mails[0].text).toContain('Auch alt');
		expect(mails[0].text).toContain(`https://netz.example/app/${tenant.slug}/angebote/${due.id}`);
		expect(mails[0].text).not.toContain('Frisch');
		expect(mails[0].text).not.toContain('Entwurf');
		expect(mails[0].text).not.toContain('Abgelaufen');
		const rows = await db
			.select({ id: offers.id, remindedAt: offers.confirmationRemindedAt })
			.from(offers)
			.where(inArray(offers.id, [due.id, due2.id, fresh.id, draft.id, expired.id]));
		const reminded = new Set(rows.filter((r) => r.remindedAt).map((r) => r.id));
		expect(reminded).toEqual(new Set([due.id, due2.id]));

		// not twice in the same period
		await sendConfirmationReminders(db, 'https://netz.example');
		expect(await mailsTo(tenant.id)).toHaveLength(1);

		// the unconfirmed offers are flagged in the list; confirming clears the flag and the reminder
		const ctx = testCtx(db, await loadActor(db, editor.id));
		const overdue = await listOffers(withTenant(ctx, tenant), { overdue: true });
		expect(overdue.items.map((i) => i.id).sort()).toEqual([due.id, due2.id].sort());
		expect(overdue.items.every((i) => i.confirmationOverdue)).toBe(true);
		await confirmOffer(withTenant(ctx, tenant), { offerId: due.id });
		const [confirmed] = await db.select().from(offers).where(eq(offers.id, due.id));
		expect(confirmed.confirmationRemindedAt).toBeNull();
		expect(confirmed.lastConfirmedAt!.getTime()).toBeGreaterThan(old.getTime());
		expect(
			(await listOffers(withTenant(ctx, tenant), { overdue: true })).items.map((i) => i.id)
		).toEqual([due2.id]);

		// a reminder older than the period counts as not sent: remind again
		await db
			.update(offers)
			.set({ confirmationRemindedAt: monthsAgo(6) })
			.where(eq(offers.id, due2.id));
		await sendConfirmationReminders(db, 'https://netz.example');
		expect(await mailsTo(tenant.id)).toHaveLength(2);
	});

	it('follows the tenant’s period and falls back to the coordinators', async () => {
		const db = database.db;
		const tenant = await buildTenant(db, { settings: { offerConfirmationMonths: 2 } });
		const org = await buildOrganization(db, tenant.id);
		const coordinator = await buildUser(db, { locale: 'en' });
		await grantRole(db, tenant.id, coordinator.id, 'coordinator');
		const member = await buildUser(db);
		await grantRole(db, tenant.id, member.id, 'member');
		await buildOffer(db, tenant.id, org.id, {
			title: 'Drei Monate',
			lastConfirmedAt: monthsAgo(3)
		});
		await buildOffer(db, tenant.id, org.id, { title: 'Ein Monat', lastConfirmedAt: monthsAgo(1) });
		await sendConfirmationReminders(db, 'https://netz.example');
		const mails = await mailsTo(tenant.id);
		expect(mails.map((m) => m.to)).toEqual([coordinator.email]);
		expect(mails[0].subject).toBe(`Please confirm your offers – ${tenant.name}`);
		expect(mails[0].text).toContain('Drei Monate');
		expect(mails[0].text).not.toContain('Ein Monat');
		expect(mails[0].text).toContain('more than 2 months');
	});
});
