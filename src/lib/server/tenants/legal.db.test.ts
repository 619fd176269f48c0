/** The tenant's legal pages: defaults, the coordinator's own texts, and who may change them. */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { getTenantSettings, updateTenantSettings } from './settings';
import { getLegalSettings, publicLegal, updateLegalSettings } from './legal';

const database = useTestDb();

const OWN = {
	imprint: 'Stadt Beispiel\nRathausplatz 1\n\nVertreten durch den Oberbürgermeister',
	controller: 'Stadt Beispiel, Rathausplatz 1, 12345 Beispiel',
	dataProtectionOfficer: 'datenschutz@beispiel.example',
	privacyAddendum: '',
	conformity: 'none',
	notAccessible: 'Die Karten der Stadtteile sind nicht barrierefrei.',
	reviewedOn: '2026-11-30',
	enforcementBody: 'Schlichtungsstelle des Landes'
};

describe('legal pages of a tenant', () => {
	it('have defaults from what the platform knows: contact, retention, the Land’s authority', async () => {
		const { db, tenant, ctxFor } = await tenantScenario(database.db, {
			land: 'BY',
			settings: { publicContactEmail: 'integration@beispiel.example', inquiryRetentionDays: 90 }
		});
		const legal = await publicLegal(await ctxFor('none'));
		expect(legal).toEqual({
			tenant: { name: tenant.name, slug: tenant.slug, kind: tenant.kind, land: 'BY' },
			contactEmail: 'integration@beispiel.example',
			legal: { conformity: 'partial' },
			inquiryRetentionDays: 90,
			supervisoryAuthority: 'Der Bayerische Landesbeauftragte für den Datenschutz'
		});
		const elsewhere = await tenantScenario(db, { land: 'HE' });
		const generic = await publicLegal(await elsewhere.ctxFor('none'));
		expect(generic.supervisoryAuthority).toBeNull();
		expect(generic.inquiryRetentionDays).toBe(180);
	});

	it('a coordinator keeps the tenant’s own texts; blank fields fall back to the default', async () => {
		const { db, tenant, ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		await updateLegalSettings(coordinator, OWN);
		const shown = await publicLegal(await ctxFor('none'));
		const { privacyAddendum: _blank, ...expected } = OWN;
		expect(shown.legal).toEqual(expected);
		expect(await getLegalSettings(coordinator)).toEqual(expected);
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, tenant.id), eq(auditLog.action, 'tenant.legal_update')));
		expect(entry.after).toEqual(expected);

		// the other settings are untouched by the legal texts and the other way round
		await updateTenantSettings(coordinator, {
			publicDescription: 'Über uns',
			offerConfirmationMonths: '6'
		});
		expect((await getTenantSettings(coordinator)).legal).toEqual(expected);
		await updateLegalSettings(coordinator, { ...OWN, imprint: '', conformity: 'full' });
		expect((await getTenantSettings(coordinator)).publicDescription).toBe('Über uns');
		expect((await publicLegal(coordinator)).legal.imprint).toBeUndefined();
	});

	it('refuses a wrong date, a missing conformity state and overlong texts, saving nothing', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		const error = await updateLegalSettings(coordinator, {
			...OWN,
			reviewedOn: '2026-02-30',
			conformity: 'maybe',
			imprint: 'x'.repeat(10_001)
		}).catch((e) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).fieldErrors).toEqual({
			reviewedOn: 'legal_error_date',
			conformity: 'legal_error_conformity',
			imprint: 'legal_error_too_long'
		});
		expect((await publicLegal(coordinator)).legal).toEqual({ conformity: 'partial' });
	});

	it('only the tenant’s coordinators may read and change the texts', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		for (const role of ['none', 'member', 'editor', 'steering', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(getLegalSettings(ctx), role).rejects.toBeInstanceOf(NotFoundError);
			await expect(updateLegalSettings(ctx, OWN), role).rejects.toBeInstanceOf(NotFoundError);
		}
		expect((await publicLegal(await ctxFor('none'))).legal).toEqual({ conformity: 'partial' });
	});
});
