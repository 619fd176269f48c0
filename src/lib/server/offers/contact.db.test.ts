import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildContact, buildOffer, buildOrganization, buildTenant } from '../factories';
import { NotFoundError } from '../errors';
import type { Tenant } from '../tenants/schema';
import { listContactFallbacks, publicOfferContacts } from './contact';
import { buildFamilyCentre, buildMunicipality, scopeAt } from './finder-testing';

const database = useTestDb();

async function contactsAt(tenant: Tenant, ids: string[]) {
	const scope = await scopeAt(database.db, tenant.slug);
	if (!scope) throw new Error('no scope');
	return publicOfferContacts(database.db, scope, ids);
}

/** An organisation with no phone, no e-mail and no address of its own. */
const bare = (tenant: Tenant, name: string) =>
	buildOrganization(database.db, tenant.id, {
		name,
		phone: null,
		email: null,
		street: null,
		postalCode: null,
		city: null
	});

async function setup() {
	const tenant = await buildTenant(database.db, {
		name: 'Stadt Beispiel',
		settings: { publicContactEmail: 'integration@beispiel.example' }
	});
	const org = await buildFamilyCentre(database.db, tenant);
	return { tenant, org };
}

describe('publicOfferContacts', () => {
	it("uses the offer's consented contact person first, with the organisation's address", async () => {
		const { tenant, org } = await setup();
		const person = await buildContact(database.db, tenant.id, org.id, {
			name: 'Veronika Beispiel',
			role: 'Projektleitung',
			phone: '08161 456',
			email: 'v.beispiel@zdf.example',
			consent: true
		});
		const offer = await buildOffer(database.db, tenant.id, org.id, { contactId: person.id });
		const c = (await contactsAt(tenant, [offer.id])).get(offer.id);
		expect(c).toEqual({
			source: 'offer',
			via: 'Zentrum der Familie',
			person: { name: 'Veronika Beispiel', role: 'Projektleitung' },
			phone: '08161 456',
			email: 'v.beispiel@zdf.example',
			address: { street: 'Domberg 1', postalCode: '85354', city: 'Freising' },
			tenantSlug: null
		});
	});

	it("falls back to the organisation's public phone and e-mail", async () => {
		const { tenant, org } = await setup();
		const offer = await buildOffer(database.db, tenant.id, org.id);
		const c = (await contactsAt(tenant, [offer.id])).get(offer.id);
		expect(c).toMatchObject({
			source: 'organization',
			via: 'Zentrum der Familie',
			person: null,
			phone: '08161 123',
			email: 'info@zdf.example',
			address: { street: 'Domberg 1', city: 'Freising' }
		});
	});

	it('falls back to a consented contact person of the organisation when it has no phone or e-mail', async () => {
		const { tenant } = await setup();
		const org = await bare(tenant, 'Helferkreis Asyl');
		await buildContact(database.db, tenant.id, org.id, {
			name: 'Anna Ohne Einwilligung',
			email: 'anna@example.org'
		});
		await buildContact(database.db, tenant.id, org.id, {
			name: 'Bert Beispiel',
			email: 'bert@example.org',
			consent: true
		});
		const offer = await buildOffer(database.db, tenant.id, org.id);
		const c = (await contactsAt(tenant, [offer.id])).get(offer.id);
		expect(c).toMatchObject({
			source: 'organization',
			via: 'Helferkreis Asyl',
			person: { name: 'Bert Beispiel' },
			email: 'bert@example.org',
			address: null
		});
	});

	it('falls back to the coordination office of the keeping tenant, with its e-mail and message form', async () => {
		const { tenant } = await setup();
		const org = await bare(tenant, 'Helferkreis Asyl');
		const offer = await buildOffer(database.db, tenant.id, org.id);
		const c = (await contactsAt(tenant, [offer.id])).get(offer.id);
		expect(c).toEqual({
			source: 'coordination',
			via: 'Stadt Beispiel',
			person: null,
			phone: null,
			email: 'integration@beispiel.example',
			address: null,
			tenantSlug: tenant.slug
		});
	});

	it('never uses a person without consent, after withdrawal, or without phone and e-mail', async () => {
		const { tenant } = await setup();
		const org = await bare(tenant, 'Helferkreis Asyl');
		const withdrawn = await buildContact(database.db, tenant.id, org.id, {
			name: 'Widerrufen',
			phone: '0871 1',
			consent: true,
			consentWithdrawnAt: new Date()
		});
		const noConsent = await buildContact(database.db, tenant.id, org.id, {
			name: 'Ohne Einwilligung',
			phone: '0871 2'
		});
		const unreachable = await buildContact(database.db, tenant.id, org.id, {
			name: 'Nur ein Name',
			consent: true
		});
		for (const person of [withdrawn, noConsent, unreachable]) {
			const offer = await buildOffer(database.db, tenant.id, org.id, { contactId: person.id });
			const c = (await contactsAt(tenant, [offer.id])).get(offer.id);
			expect(c?.source, person.name).toBe('coordination');
			expect(JSON.stringify(c), person.name).not.toContain(person.name);
		}
	});

	it("never takes a contact person of another organisation as the offer's own", async () => {
		const { tenant } = await setup();
		const org = await bare(tenant, 'Helferkreis Asyl');
		const other = await buildOrganization(database.db, tenant.id, { name: 'Andere' });
		const stranger = await buildContact(database.db, tenant.id, other.id, {
			name: 'Fremde Person',
			email: 'fremd@example.org',
			consent: true
		});
		const offer = await buildOffer(database.db, tenant.id, org.id, { contactId: stranger.id });
		const c = (await contactsAt(tenant, [offer.id])).get(offer.id);
		expect(c?.source).toBe('coordination');
	});

	it("names the district's coordination office for a district offer on a municipality's page", async () => {
		const district = await buildTenant(database.db, {
			name: 'Landkreis Beispiel',
			kind: 'district',
			settings: {}
		});
		const town = await buildMunicipality(database.db, district, 'Gemeinde Beispiel');
		const org = await bare(district, 'Helferkreis');
		const offer = await buildOffer(database.db, district.id, org.id);
		const c = (await contactsAt(town, [offer.id])).get(offer.id);
		// no public e-mail set: the message form of the district is the way
		expect(c).toMatchObject({
			source: 'coordination',
			via: 'Landkreis Beispiel',
			email: null,
			tenantSlug: district.slug
		});
	});

	it('leaves out offers the public may not see and offers of another tenant', async () => {
		const { tenant, org } = await setup();
		const draft = await buildOffer(database.db, tenant.id, org.id, { status: 'draft' });
		const elsewhere = await buildTenant(database.db);
		const foreignOrg = await buildOrganization(database.db, elsewhere.id);
		const foreign = await buildOffer(database.db, elsewhere.id, foreignOrg.id);
		const visible = await buildOffer(database.db, tenant.id, org.id);
		const map = await contactsAt(tenant, [draft.id, foreign.id, visible.id]);
		expect([...map.keys()]).toEqual([visible.id]);
	});
});

describe('listContactFallbacks', () => {
	async function scenario() {
		const { tenant, org } = await setup();
		const person = await buildContact(database.db, tenant.id, org.id, {
			name: 'Veronika Beispiel',
			email: 'v@zdf.example',
			consent: true
		});
		const bareOrg = await bare(tenant, 'Helferkreis Asyl');
		const own = await buildOffer(database.db, tenant.id, org.id, {
			title: 'Mit Ansprechperson',
			contactId: person.id
		});
		const viaOrg = await buildOffer(database.db, tenant.id, org.id, {
			title: 'Über die Organisation',
			status: 'draft'
		});
		const viaOffice = await buildOffer(database.db, tenant.id, bareOrg.id, {
			title: 'Über die Koordinierungsstelle'
		});
		await buildOffer(database.db, tenant.id, bareOrg.id, {
			title: 'Archiviert',
			status: 'archived'
		});
		const other = await buildTenant(database.db);
		const otherOrg = await bare(other, 'Fremd');
		await buildOffer(database.db, other.id, otherOrg.id, { title: 'Fremdes Angebot' });
		return { tenant, own, viaOrg, viaOffice, other };
	}

	it("lists the tenant's offers that fall back, coordination office first, for the coordinator", async () => {
		const { tenant, viaOrg, viaOffice } = await scenario();
		const ctx = await actorCtx(database.db, tenant, 'coordinator');
		const list = await listContactFallbacks(ctx);
		expect(list).toEqual([
			{
				id: viaOffice.id,
				title: 'Über die Koordinierungsstelle',
				organizationName: 'Helferkreis Asyl',
				status: 'published',
				source: 'coordination'
			},
			{
				id: viaOrg.id,
				title: 'Über die Organisation',
				organizationName: 'Zentrum der Familie',
				status: 'draft',
				source: 'organization'
			}
		]);
	});

	it('is refused to those who may not review offers (member, editor, steering) and to other tenants', async () => {
		const { tenant, other } = await scenario();
		for (const role of ['member', 'editor', 'steering', 'guest', 'none', 'other'] as const) {
			const ctx = await actorCtx(database.db, tenant, role, { other });
			await expect(listContactFallbacks(ctx), role).rejects.toBeInstanceOf(NotFoundError);
		}
	});
});
