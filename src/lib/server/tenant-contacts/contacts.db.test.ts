import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import type { Tenant } from '../tenants/schema';
import { publicOfferContacts } from '../offers/contact';
import { buildMunicipality, scopeAt } from '../offers/finder-testing';
import {
	addTenantContact,
	DEFAULT_TENANT_CONSENT_TEXT,
	listTenantContacts,
	publicTenantContacts,
	recordTenantContactConsent,
	removeTenantContact,
	updateTenantContact,
	withdrawTenantContactConsent
} from './contacts';

const database = useTestDb();

async function district() {
	const tenant = await buildTenant(database.db, {
		name: 'Landkreis Beispiel',
		kind: 'district',
		settings: { publicContactEmail: 'integration@lk-beispiel.example' }
	});
	const town = await buildMunicipality(database.db, tenant, 'Gemeinde Beispiel');
	const coordinator = await actorCtx(database.db, tenant, 'coordinator');
	return { tenant, town, coordinator };
}

const person = {
	name: 'Anna Beispiel (Demo)',
	role: 'Integrationsbeauftragte',
	unit: 'Sachgebiet Integration',
	phone: '08161 600-1',
	email: 'Anna.Beispiel@LRA.example',
	languages: ['de', 'en', 'de'],
	officeHours: 'Di und Do 9–12 Uhr'
};

describe('contact persons for integration of a tenant', () => {
	it('are public only with consent; withdrawing hides them again, the record stays', async () => {
		const { tenant, coordinator } = await district();
		const { id } = await addTenantContact(coordinator, person);
		expect(await publicTenantContacts(database.db, tenant.id)).toEqual([]);

		await recordTenantContactConsent(coordinator, {
			contactId: id,
			consentText: DEFAULT_TENANT_CONSENT_TEXT,
			confirmed: true
		});
		const shown = await publicTenantContacts(database.db, tenant.id);
		expect(shown).toEqual([
			{
				id,
				tenantId: tenant.id,
				name: 'Anna Beispiel (Demo)',
				role: 'Integrationsbeauftragte',
				unit: 'Sachgebiet Integration',
				phone: '08161 600-1',
				email: 'anna.beispiel@lra.example',
				languages: ['de', 'en'],
				officeHours: 'Di und Do 9–12 Uhr'
			}
		]);
		expect(Object.keys(shown[0])).not.toContain('consentText');

		await withdrawTenantContactConsent(coordinator, { contactId: id });
		expect(await publicTenantContacts(database.db, tenant.id)).toEqual([]);
		const [listed] = await listTenantContacts(coordinator);
		expect(listed).toMatchObject({ isPublic: false, consentText: DEFAULT_TENANT_CONSENT_TEXT });
		expect(listed.consentWithdrawnAt).not.toBeNull();
		// withdrawing twice is refused with a message
		await expect(
			withdrawTenantContactConsent(coordinator, { contactId: id })
		).rejects.toBeInstanceOf(ValidationError);

		const audits = await database.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.entityId, id)));
		expect(audits.map((a) => a.action).sort()).toEqual([
			'tenant_contact.consent_record',
			'tenant_contact.consent_withdraw',
			'tenant_contact.create'
		]);
	});

	it('refuses a consent dated in the future and bad input, with messages per field', async () => {
		const { coordinator } = await district();
		const { id } = await addTenantContact(coordinator, person);
		await expect(
			recordTenantContactConsent(coordinator, {
				contactId: id,
				consentText: DEFAULT_TENANT_CONSENT_TEXT,
				confirmed: true,
				givenOn: '2999-01-01'
			})
		).rejects.toMatchObject({ fieldErrors: { givenOn: 'org_error_date_future' } });
		await expect(
			addTenantContact(coordinator, { name: ' ', email: 'kein-at', languages: ['xx'] })
		).rejects.toMatchObject({
			fieldErrors: {
				name: 'org_error_contact_name_required',
				email: 'error_email_invalid',
				languages: 'org_error_language_invalid'
			}
		});
	});

	it("are kept only by the tenant's coordinators; another tenant's person is not found", async () => {
		const { tenant, town, coordinator } = await district();
		const { id } = await addTenantContact(coordinator, person);
		for (const role of ['member', 'editor', 'steering', 'guest', 'none'] as const) {
			const ctx = await actorCtx(database.db, tenant, role);
			await expect(listTenantContacts(ctx), role).rejects.toBeInstanceOf(NotFoundError);
			await expect(addTenantContact(ctx, person), role).rejects.toBeInstanceOf(NotFoundError);
		}
		// the municipality's coordinator cannot touch the district office's people
		const townCoordinator = await actorCtx(database.db, town, 'coordinator');
		await expect(
			updateTenantContact(townCoordinator, { contactId: id, ...person, name: 'Geändert' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeTenantContact(townCoordinator, { contactId: id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect(await listTenantContacts(townCoordinator)).toEqual([]);
		// and the district's coordinator changes and removes them
		await updateTenantContact(coordinator, { contactId: id, ...person, name: 'Anna Neu' });
		expect((await listTenantContacts(coordinator))[0].name).toBe('Anna Neu');
		await removeTenantContact(coordinator, { contactId: id });
		expect(await listTenantContacts(coordinator)).toEqual([]);
	});

	it('are not shown for a tenant whose public site is hidden', async () => {
		const hidden = await buildTenant(database.db, { isPublic: false });
		const ctx = await actorCtx(database.db, hidden, 'coordinator');
		const { id } = await addTenantContact(ctx, person);
		await recordTenantContactConsent(ctx, {
			contactId: id,
			consentText: DEFAULT_TENANT_CONSENT_TEXT,
			confirmed: true
		});
		expect(await publicTenantContacts(database.db, hidden.id)).toEqual([]);
	});
});

describe("the finder's contact fallback", () => {
	async function contactOf(page: Tenant, offerId: string) {
		const scope = await scopeAt(database.db, page.slug);
		if (!scope) throw new Error('no scope');
		return (await publicOfferContacts(database.db, scope, [offerId])).get(offerId);
	}

	it('goes offer → organisation → integration contact person → coordination office', async () => {
		const { tenant, town, coordinator } = await district();
		// an organisation with no phone, e-mail or contact persons of its own
		const org = await buildOrganization(database.db, tenant.id, {
			name: 'Helferkreis',
			phone: null,
			email: null
		});
		const offer = await buildOffer(database.db, tenant.id, org.id);
		// no consented person yet: the coordination office
		expect((await contactOf(tenant, offer.id))?.source).toBe('coordination');

		const { id } = await addTenantContact(coordinator, person);
		// without consent the person is never named
		const before = await contactOf(town, offer.id);
		expect(before?.source).toBe('coordination');
		expect(JSON.stringify(before)).not.toContain('Anna');

		await recordTenantContactConsent(coordinator, {
			contactId: id,
			consentText: DEFAULT_TENANT_CONSENT_TEXT,
			confirmed: true
		});
		// on the district's page and on the municipality's page alike
		for (const page of [tenant, town]) {
			expect(await contactOf(page, offer.id)).toEqual({
				source: 'integration',
				via: 'Landkreis Beispiel',
				person: { name: 'Anna Beispiel (Demo)', role: 'Integrationsbeauftragte' },
				phone: '08161 600-1',
				email: 'anna.beispiel@lra.example',
				address: null,
				tenantSlug: tenant.slug
			});
		}

		// an organisation that can be reached comes first
		const reachable = await buildOrganization(database.db, tenant.id, {
			name: 'Beratungsstelle',
			phone: '08161 1'
		});
		const other = await buildOffer(database.db, tenant.id, reachable.id);
		expect((await contactOf(tenant, other.id))?.source).toBe('organization');

		// a person without phone or e-mail is no way to get in touch
		await updateTenantContact(coordinator, { contactId: id, ...person, phone: '', email: '' });
		expect((await contactOf(tenant, offer.id))?.source).toBe('coordination');
	});

	it("uses only the keeping tenant's people, not a sibling municipality's", async () => {
		const { tenant } = await district();
		const sibling = await buildMunicipality(database.db, tenant, 'Nachbargemeinde');
		const siblingCoordinator = await actorCtx(database.db, sibling, 'coordinator');
		const { id } = await addTenantContact(siblingCoordinator, person);
		await recordTenantContactConsent(siblingCoordinator, {
			contactId: id,
			consentText: DEFAULT_TENANT_CONSENT_TEXT,
			confirmed: true
		});
		const org = await buildOrganization(database.db, tenant.id, { phone: null, email: null });
		const offer = await buildOffer(database.db, tenant.id, org.id);
		expect((await contactOf(tenant, offer.id))?.source).toBe('coordination');
	});
});
