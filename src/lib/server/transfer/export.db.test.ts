import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { testCtx } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { offers, offerTexts } from '../offers/schema';
import { NotFoundError } from '../errors';
import { exportOffersCsv, exportOrganizationsCsv } from './export';
import { previewImport, runImport } from './import';
import { OFFER_COLUMNS, ORGANIZATION_COLUMNS } from './columns';
import { parseCsv } from './csv';
import { fromBerlinLocal } from '../shared';

import { ORG_FILE, useTransferDb } from './testing';

const { setup, countsOf } = useTransferDb();

describe('export', () => {
	it('organisations: documented columns, lists with "|", yes/no, only the tenant’s own', async () => {
		const { db, tenant, ctx } = await setup('district');
		const eching = await buildTenant(db, {
			kind: 'municipality',
			parentId: tenant.id,
			slug: `eching-${tenant.slug}`
		});
		const other = await buildTenant(db);
		await buildOrganization(db, other.id, { name: 'Fremde Organisation' });
		await buildOrganization(db, tenant.id, {
			name: 'Zentrum der Familie',
			description: 'Beratung; Begleitung',
			city: 'Freising',
			postalCode: '85354',
			languages: ['de', 'en', 'ar'],
			wheelchairAccessible: true,
			phone: '+49 8161 0',
			alsoIn: [eching.id, other.id]
		});
		const text = await exportOrganizationsCsv(withTenant(ctx, tenant));
		expect(text.startsWith('\uFEFF')).toBe(true);
		const parsed = parseCsv(text);
		if (!parsed.ok) throw new Error('export must parse');
		expect(parsed.separator).toBe(';');
		expect(parsed.header).toEqual(ORGANIZATION_COLUMNS.map((c) => c.name));
		expect(parsed.records.map((r) => r.values.name)).toEqual(['Zentrum der Familie']);
		expect(parsed.records[0].values).toMatchObject({
			description: 'Beratung; Begleitung',
			city: 'Freising',
			postal_code: '85354',
			languages: 'de|en|ar',
			wheelchair_accessible: 'ja',
			phone: '+49 8161 0',
			municipalities: eching.slug
		});
		expect(text).toContain(";'+49 8161 0;");
	});

	it('offers: every status, texts of every language, Berlin times; round trip through import', async () => {
		const source = await setup();
		const org = await buildOrganization(source.db, source.tenant.id, { name: 'Sprachtreff' });
		await buildOffer(source.db, source.tenant.id, org.id, {
			title: 'Sprachcafé',
			description: 'Deutsch üben; bei Kaffee',
			fieldOfActionId: source.sprache.id,
			targetGroups: ['all'],
			languages: ['de', 'uk'],
			scheduleKind: 'recurring',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			weekdays: [2],
			childcare: true,
			validTo: '2027-06-30',
			texts: [{ locale: 'uk', title: 'Мовне кафе', description: 'Практика', state: 'reviewed' }],
			places: [{ name: 'Stadtteiltreff', city: 'Landshut' }]
		});
		await buildOffer(source.db, source.tenant.id, org.id, {
			title: 'Infoabend',
			description: 'Einmal',
			scheduleKind: 'once',
			startsAt: fromBerlinLocal(2026, 7, 1, 19, 0),
			status: 'draft',
			costKind: 'paid'
		});
		const text = await exportOffersCsv(withTenant(source.ctx, source.tenant));
		const parsed = parseCsv(text);
		if (!parsed.ok) throw new Error('export must parse');
		expect(parsed.header).toEqual(OFFER_COLUMNS.map((c) => c.name));
		const byTitle = Object.fromEntries(parsed.records.map((r) => [r.values.title_de, r.values]));
		expect(byTitle['Sprachcafé']).toMatchObject({
			organization: 'Sprachtreff',
			description_de: 'Deutsch üben; bei Kaffee',
			field_of_action: 'sprache',
			target_groups: 'all',
			languages: 'de|uk',
			schedule_kind: 'recurring',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			weekdays: '2',
			childcare: 'ja',
			accessible: 'nein',
			valid_to: '2027-06-30',
			place_name: 'Stadtteiltreff',
			status: 'published',
			title_uk: 'Мовне кафе',
			description_uk: 'Практика'
		});
		expect(byTitle['Infoabend']).toMatchObject({
			starts_at: '2026-07-01 19:00',
			status: 'draft',
			cost_kind: 'paid'
		});

		// The same files import into another network with the same vocabulary.
		const target = await setup();
		const orgCsv = await exportOrganizationsCsv(withTenant(source.ctx, source.tenant));
		const result = await runImport(withTenant(target.ctx, target.tenant), {
			organizations: orgCsv,
			offers: text
		});
		expect(result).toEqual({ ok: true, organizations: 1, offers: 2 });
		const again = await exportOffersCsv(withTenant(target.ctx, target.tenant));
		// Translations come in as drafts; everything else is the same.
		expect(again).toBe(text);
		const ids = (
			await target.db.select().from(offers).where(eq(offers.tenantId, target.tenant.id))
		).map((o) => o.id);
		const uk = await target.db
			.select()
			.from(offerTexts)
			.where(and(inArray(offerTexts.offerId, ids), eq(offerTexts.locale, 'uk')));
		expect(uk.map((t) => t.state)).toEqual(['draft']);
	});
});

describe('authorisation', () => {
	it.each(['member', 'editor', 'steering', 'guest', 'other'] as const)(
		'%s can neither export nor import, and it looks like "not found"',
		async (role) => {
			const { db, tenant } = await setup();
			const org = await buildOrganization(db, tenant.id);
			const ctx = await actorCtx(db, tenant, role, {
				other: role === 'other' ? await buildTenant(db) : undefined,
				orgs: role === 'editor' ? [org.id] : []
			});
			const before = await countsOf(tenant.id);
			for (const call of [
				() => exportOrganizationsCsv(withTenant(ctx, tenant)),
				() => exportOffersCsv(withTenant(ctx, tenant)),
				() => previewImport(withTenant(ctx, tenant), { organizations: ORG_FILE }),
				() => runImport(withTenant(ctx, tenant), { organizations: ORG_FILE })
			])
				await expect(call()).rejects.toBeInstanceOf(NotFoundError);
			expect(await countsOf(tenant.id)).toEqual(before);
		}
	);

	it('anonymous visitors get "not found" too', async () => {
		const { db, tenant } = await setup();
		const ctx = testCtx(db, null);
		await expect(exportOffersCsv(withTenant(ctx, tenant))).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			runImport(withTenant(ctx, tenant), { organizations: ORG_FILE })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
