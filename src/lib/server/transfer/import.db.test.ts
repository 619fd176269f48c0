import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildOrganization, buildTenant } from '../factories';
import { auditLog } from '../audit/schema';
import { organizations, organizationTenants } from '../organizations/schema';
import { offerPlaces, offers, offerTexts } from '../offers/schema';
import { previewImport, runImport } from './import';
import type { ImportIssue } from './file-check';
import { MAX_IMPORT_BYTES } from './columns';
import { fromBerlinLocal } from '../shared';

import { csv, OFFER_FILE, ORG_FILE, useTransferDb } from './testing';

const { setup, countsOf } = useTransferDb();

describe('import: a valid import', () => {
	it('previews what it would create and writes nothing', async () => {
		const { tenant, ctx } = await setup();
		const before = await countsOf(tenant.id);
		const preview = await previewImport(withTenant(ctx, tenant), {
			organizations: ORG_FILE,
			offers: OFFER_FILE
		});
		expect(preview.errors).toEqual([]);
		expect(preview.organizations).toEqual([
			{
				line: 2,
				name: 'Sprachschule Am Fluss',
				type: 'sprachschule',
				city: 'Landshut',
				languages: ['de', 'en', 'ar'],
				municipalities: []
			},
			{
				line: 3,
				name: 'Migrationsberatung',
				type: 'beratungsstelle',
				city: 'Landshut',
				languages: ['de', 'tr'],
				municipalities: []
			}
		]);
		expect(preview.offers.map((o) => [o.line, o.title, o.fieldOfAction, o.status])).toEqual([
			[2, 'Integrationskurs', 'sprache', 'published'],
			[3, 'Sprechstunde', 'familie', 'draft'],
			[4, 'Infoabend', 'sprache', 'draft']
		]);
		expect(preview.offers[0].translations).toEqual(['en']);
		expect(await countsOf(tenant.id)).toEqual(before);
	});

	it('writes every record in one go, with audit rows; offers find organisations of the same import', async () => {
		const { db, tenant, sprache, ctx } = await setup();
		const existing = await buildOrganization(db, tenant.id, { name: 'Helferkreis Nord' });
		const offersFile =
			OFFER_FILE +
			'Helferkreis Nord;Hausaufgabenhilfe;Für Grundschulkinder;;children;de;;;;;;;;;;\n';
		const result = await runImport(withTenant(ctx, tenant), {
			organizations: ORG_FILE,
			offers: offersFile
		});
		expect(result).toEqual({ ok: true, organizations: 2, offers: 4 });

		const orgs = await db
			.select()
			.from(organizations)
			.where(eq(organizations.tenantId, tenant.id))
			.orderBy(organizations.name);
		expect(orgs.map((o) => o.name)).toEqual([
			'Helferkreis Nord',
			'Migrationsberatung',
			'Sprachschule Am Fluss'
		]);
		const school = orgs[2];
		expect(school).toMatchObject({
			description: 'Integrationskurse',
			postalCode: '84028',
			languages: ['de', 'en', 'ar'],
			wheelchairAccessible: true,
			website: 'https://www.sprachschule.example/',
			latitude: 48.53
		});
		expect(orgs[1].description).toBe('Beratung; auch\nmehrzeilig');

		const rows = await db
			.select({ offer: offers, title: offerTexts.title })
			.from(offers)
			.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
			.where(eq(offers.tenantId, tenant.id));
		const byTitle = Object.fromEntries(rows.map((r) => [r.title, r.offer]));
		expect(byTitle['Integrationskurs']).toMatchObject({
			organizationId: school.id,
			fieldOfActionId: sprache.id,
			targetGroups: ['newcomers', 'women'],
			languages: ['de', 'ar'],
			scheduleKind: 'recurring',
			rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
			weekdays: [1, 3],
			status: 'published',
			childcare: true
		});
		expect(byTitle['Integrationskurs'].publishedAt).toBeInstanceOf(Date);
		expect(byTitle['Infoabend'].startsAt?.toISOString()).toBe(
			fromBerlinLocal(2026, 12, 24, 18, 30).toISOString()
		);
		expect(byTitle['Sprechstunde'].organizationId).toBe(orgs[1].id);
		expect(byTitle['Hausaufgabenhilfe']).toMatchObject({
			organizationId: existing.id,
			status: 'draft',
			scheduleKind: 'appointment'
		});
		const english = await db
			.select()
			.from(offerTexts)
			.where(
				and(eq(offerTexts.offerId, byTitle['Integrationskurs'].id), eq(offerTexts.locale, 'en'))
			);
		expect(english[0]).toMatchObject({ title: 'Integration course', state: 'draft' });
		const places = await db
			.select()
			.from(offerPlaces)
			.where(eq(offerPlaces.offerId, byTitle['Integrationskurs'].id));
		expect(places).toMatchObject([{ name: 'Schulungsraum', city: 'Landshut' }]);

		const audits = await db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
		const actions = audits.map((a) => a.action);
		expect(actions.filter((a) => a === 'organization.import')).toHaveLength(2);
		expect(actions.filter((a) => a === 'offer.import')).toHaveLength(4);
		expect(audits.find((a) => a.action === 'transfer.import')?.after).toEqual({
			organizations: 2,
			offers: 4
		});
		expect(audits.every((a) => a.actorId === ctx.actor!.userId)).toBe(true);
	});

	it('accepts comma-separated files and places records in the district’s municipalities', async () => {
		const { db, tenant, ctx } = await setup('district');
		const moosburg = await buildTenant(db, {
			kind: 'municipality',
			parentId: tenant.id,
			slug: `moosburg-${tenant.slug}`
		});
		const result = await runImport(withTenant(ctx, tenant), {
			organizations: csv(['name,municipalities', `"Helferkreis, Moosburg",${moosburg.slug}`]),
			offers: csv([
				'organization,title_de,description_de,municipalities',
				`"Helferkreis, Moosburg",Sprachcafé,Jeden Donnerstag,${moosburg.slug.toUpperCase()}`
			])
		});
		expect(result).toMatchObject({ ok: true });
		const [org] = await db
			.select()
			.from(organizations)
			.where(eq(organizations.tenantId, tenant.id));
		expect(org.name).toBe('Helferkreis, Moosburg');
		const served = await db
			.select()
			.from(organizationTenants)
			.where(eq(organizationTenants.organizationId, org.id));
		expect(served.map((s) => s.tenantId)).toEqual([moosburg.id]);
		const [offer] = await db.select().from(offers).where(eq(offers.tenantId, tenant.id));
		expect(offer.municipalityIds).toEqual([moosburg.id]);
	});
});

describe('import: errors', () => {
	const where = (errors: ImportIssue[]) =>
		errors.map((e) => `${e.file}:${e.line}:${e.column ?? '-'}:${e.key}`);

	it('lists every problem with its line and column, and writes nothing at all', async () => {
		const { db, tenant, ctx } = await setup();
		await buildOrganization(db, tenant.id, { name: 'Gibt es schon' });
		const before = await countsOf(tenant.id);
		const files = {
			organizations: csv([
				'name;type;languages;email;latitude;wheelchair_accessible;website',
				'Gute Organisation;Sprachschule;de;info@gut.example;48.5;ja;',
				';Sprachschule;de;;;;',
				'gibt es schon;;;;;;',
				'Neue Organisation;Zirkus;de|xx;keine-mail;100;vielleicht;nicht eine url',
				'Gute Organisation;;;;;;'
			]),
			offers: csv([
				'organization;title_de;description_de;field_of_action;target_groups;schedule_kind;starts_at;ends_at;valid_from;valid_to;weekdays;title_en;description_en;location_kind',
				'Gute Organisation;Sprachcafé;Treffen;Sprache;all;recurring;;;;;;;;',
				'Unbekannt e. V.;;Ohne Titel;Astronomie;kinder;once;;;;;8;;nur Beschreibung;online',
				'Gute Organisation;Abend;Text;;;once;"2026-05-01 20:00";"2026-05-01 18:00";2026-06-01;01.05.2026;;;;',
				'Gute Organisation;Kurs;Text;;;;32.13.2026;;;;;;;'
			])
		};
		const preview = await previewImport(withTenant(ctx, tenant), files);
		expect(where(preview.errors)).toEqual([
			'organizations:3:name:transfer_error_required',
			'organizations:4:name:transfer_error_organization_exists',
			'organizations:5:type:transfer_error_unknown_type',
			'organizations:5:languages:transfer_error_unknown_value',
			'organizations:5:latitude:transfer_error_out_of_range',
			'organizations:5:website:transfer_error_url',
			'organizations:5:email:transfer_error_email',
			'organizations:5:wheelchair_accessible:transfer_error_boolean',
			'organizations:6:name:transfer_error_duplicate_in_file',
			'offers:2:rrule:transfer_error_recurring_needs_rule',
			'offers:3:organization:transfer_error_unknown_organization',
			'offers:3:title_de:transfer_error_required',
			'offers:3:field_of_action:transfer_error_unknown_field',
			'offers:3:target_groups:transfer_error_unknown_value',
			'offers:3:online_url:transfer_error_online_needs_url',
			'offers:3:weekdays:transfer_error_weekday',
			'offers:3:starts_at:transfer_error_once_needs_start',
			'offers:3:title_en:transfer_error_translation_needs_title',
			'offers:4:ends_at:transfer_error_date_order',
			'offers:4:valid_to:transfer_error_date_order',
			'offers:5:starts_at:transfer_error_datetime'
		]);
		expect(
			preview.errors.find((e) => e.key === 'transfer_error_duplicate_in_file')?.params
		).toEqual({ line: 2 });
		expect(preview.errors.find((e) => e.key === 'transfer_error_unknown_value')?.params).toEqual({
			value: 'xx'
		});

		const result = await runImport(withTenant(ctx, tenant), files);
		expect(result.ok).toBe(false);
		expect(result.ok === false && where(result.preview.errors)).toEqual(where(preview.errors));
		expect(await countsOf(tenant.id)).toEqual(before);
	});

	it('one bad row among many valid ones still stops the whole import', async () => {
		const { tenant, ctx } = await setup();
		const before = await countsOf(tenant.id);
		const lines = ['name;languages'];
		for (let i = 1; i <= 50; i++) lines.push(`Organisation ${i};de`);
		lines.push('Organisation 51;klingonisch');
		const result = await runImport(withTenant(ctx, tenant), { organizations: csv(lines) });
		expect(result.ok === false && where(result.preview.errors)).toEqual([
			'organizations:52:languages:transfer_error_unknown_value'
		]);
		expect(await countsOf(tenant.id)).toEqual(before);
	});

	it('refuses a row with a NUL or another control character with its line and column (issue 16)', async () => {
		const { tenant, ctx } = await setup();
		const before = await countsOf(tenant.id);
		const organizations = csv([
			'name;description;city',
			'Treff Mitte;Offener Treff;Landshut',
			'Treff\u0000Nord;Café\tund Beratung;Landshut',
			'Treff Süd;"zwei\nZeilen";Lands\u0007hut'
		]);
		const result = await runImport(withTenant(ctx, tenant), { organizations });
		expect(result.ok === false && where(result.preview.errors)).toEqual([
			'organizations:3:name:sec_csv_control_characters',
			'organizations:4:city:sec_csv_control_characters'
		]);
		expect(await countsOf(tenant.id)).toEqual(before);
	});

	it('checks the header: unknown, duplicate and missing columns', async () => {
		const { tenant, ctx } = await setup();
		const preview = await previewImport(withTenant(ctx, tenant), {
			organizations: csv(['name;Farbe;name', 'A;blau;A']),
			offers: csv(['organization;title_de', 'A;B'])
		});
		expect(where(preview.errors)).toEqual([
			'organizations:1:farbe:transfer_error_unknown_column',
			'organizations:1:name:transfer_error_duplicate_column',
			'offers:1:description_de:transfer_error_missing_column'
		]);
	});

	it('refuses broken, empty, too large or missing files', async () => {
		const { tenant, ctx } = await setup();
		const broken = await previewImport(withTenant(ctx, tenant), {
			organizations: 'name;city\nA;B\n"offen;C\n'
		});
		expect(where(broken.errors)).toEqual(['organizations:3:-:transfer_error_structure']);
		const headerOnly = await previewImport(withTenant(ctx, tenant), {
			organizations: 'name;city\n'
		});
		expect(where(headerOnly.errors)).toEqual(['organizations:2:-:transfer_error_empty']);
		const big = await previewImport(withTenant(ctx, tenant), {
			organizations: 'name\n' + 'x'.repeat(MAX_IMPORT_BYTES)
		});
		expect(where(big.errors)).toEqual(['organizations:1:-:transfer_error_too_large']);
		const none = await previewImport(withTenant(ctx, tenant), { organizations: '', offers: null });
		expect(where(none.errors)).toEqual(['organizations:0:-:transfer_error_no_file']);
		const tooWide = await previewImport(withTenant(ctx, tenant), { organizations: 'name\nA;B\n' });
		expect(where(tooWide.errors)).toEqual(['organizations:2:-:transfer_error_too_many_fields']);
	});
});
