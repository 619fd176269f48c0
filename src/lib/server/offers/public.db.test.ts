import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import {
	buildContact,
	buildFieldOfAction,
	buildOffer,
	buildOrganization,
	buildTenant
} from '../factories';
import type { Tenant } from '../tenants/schema';
import { getPublicOffer, safeHttpUrl } from './public';
import { buildFamilyCentre, buildMunicipality, day, scopeAt } from './finder-testing';

const database = useTestDb();

async function view(tenant: Tenant, id: string, locale = 'de') {
	const scope = await scopeAt(database.db, tenant.slug);
	if (!scope) throw new Error('no scope');
	return getPublicOffer(database.db, scope, id, locale);
}

async function setup() {
	const tenant = await buildTenant(database.db, { name: 'Stadt Beispiel' });
	const org = await buildFamilyCentre(database.db, tenant, {
		website: 'https://zdf.example/',
		languages: ['de', 'tr'],
		trusted: true
	});
	return { tenant, org };
}

describe('getPublicOffer', () => {
	it('gives the public view with organisation, places and the consented contact', async () => {
		const { tenant, org } = await setup();
		const field = await buildFieldOfAction(database.db, tenant.id, {
			names: { de: 'Familienleben' }
		});
		const contact = await buildContact(database.db, tenant.id, org.id, {
			name: 'Veronika Beispiel',
			role: 'Projektleitung',
			phone: '08161 456',
			email: 'v.beispiel@zdf.example',
			consent: true
		});
		const offer = await buildOffer(database.db, tenant.id, org.id, {
			title: 'Mobile Elternbegleitung – Beratungsbus',
			description: 'Beratung für Eltern, wohnortnah.',
			fieldOfActionId: field.id,
			targetGroups: ['parents'],
			languages: ['de', 'ar'],
			scheduleKind: 'recurring',
			weekdays: [3, 1],
			contactId: contact.id,
			validTo: day(30),
			places: [{ name: 'Marktplatz', city: 'Freising' }],
			texts: []
		});
		const v = await view(tenant, offer.id);
		expect(v).toMatchObject({
			id: offer.id,
			title: { text: 'Mobile Elternbegleitung – Beratungsbus', lang: 'de' },
			description: { text: 'Beratung für Eltern, wohnortnah.', lang: 'de' },
			isFallback: false,
			fieldOfAction: 'Familienleben',
			targetGroups: ['parents'],
			languages: ['de', 'ar'],
			weekdays: [1, 3],
			validTo: day(30),
			keptBy: null,
			places: [
				{ name: 'Marktplatz', city: 'Freising', street: null, postalCode: null, room: null }
			],
			organization: {
				name: 'Zentrum der Familie',
				city: 'Freising',
				phone: '08161 123',
				email: 'info@zdf.example',
				website: 'https://zdf.example/',
				languages: ['de', 'tr']
			},
			contact: {
				name: 'Veronika Beispiel',
				role: 'Projektleitung',
				phone: '08161 456',
				email: 'v.beispiel@zdf.example'
			}
		});
		// internal fields of the organisation never reach the view
		expect(Object.keys(v!.organization)).not.toContain('trusted');
		expect(Object.keys(v!.organization)).not.toContain('isPublic');
	});

	it('never shows a contact person without consent, after withdrawal, or of another organisation', async () => {
		const { tenant, org } = await setup();
		const other = await buildOrganization(database.db, tenant.id);
		const noConsent = await buildContact(database.db, tenant.id, org.id, {
			name: 'Ohne Einwilligung'
		});
		const withdrawn = await buildContact(database.db, tenant.id, org.id, {
			name: 'Widerrufen',
			consent: true,
			consentWithdrawnAt: new Date()
		});
		const foreign = await buildContact(database.db, tenant.id, other.id, {
			name: 'Fremd',
			consent: true
		});
		for (const c of [noConsent, withdrawn, foreign]) {
			const offer = await buildOffer(database.db, tenant.id, org.id, { contactId: c.id });
			const v = await view(tenant, offer.id);
			expect(v?.contact, c.name).toBeNull();
			expect(JSON.stringify(v)).not.toContain(c.name);
			// the organisation's own phone and e-mail remain
			expect(v?.organization).toMatchObject({ phone: '08161 123', email: 'info@zdf.example' });
		}
	});

	it('is null for unknown, malformed, other tenants’, unpublished and expired offers', async () => {
		const { tenant, org } = await setup();
		const other = await buildTenant(database.db);
		const otherOrg = await buildOrganization(database.db, other.id);
		const foreign = await buildOffer(database.db, other.id, otherOrg.id);
		expect(await view(tenant, '00000000-0000-4000-8000-000000000000')).toBeNull();
		expect(await view(tenant, 'not-a-uuid')).toBeNull();
		expect(await view(tenant, "1'; DROP TABLE offers; --")).toBeNull();
		expect(await view(tenant, foreign.id)).toBeNull();
		expect(await view(other, foreign.id)).not.toBeNull();
		for (const overrides of [
			{ status: 'draft' as const },
			{ status: 'in_review' as const },
			{ status: 'archived' as const },
			{ validTo: day(-1) }
		]) {
			const offer = await buildOffer(database.db, tenant.id, org.id, overrides);
			expect(await view(tenant, offer.id), JSON.stringify(overrides)).toBeNull();
		}
		const today = await buildOffer(database.db, tenant.id, org.id, { validTo: day(0) });
		expect(await view(tenant, today.id)).not.toBeNull();
		const hiddenOrg = await buildOrganization(database.db, tenant.id, { isPublic: false });
		const ofHidden = await buildOffer(database.db, tenant.id, hiddenOrg.id);
		expect(await view(tenant, ofHidden.id)).toBeNull();
	});

	it('shows the visitor’s language, and says when it falls back to German', async () => {
		const { tenant, org } = await setup();
		const translated = await buildOffer(database.db, tenant.id, org.id, {
			title: 'Sprachkurs',
			description: 'Deutsch lernen.',
			texts: [
				{ locale: 'en', title: 'Language course', description: 'Learn German.', state: 'reviewed' }
			]
		});
		const german = await buildOffer(database.db, tenant.id, org.id, { title: 'Elterncafé' });
		const outdated = await buildOffer(database.db, tenant.id, org.id, {
			title: 'Nähkurs',
			texts: [{ locale: 'en', title: 'Sewing', state: 'outdated' }]
		});
		const en = await view(tenant, translated.id, 'en');
		expect(en).toMatchObject({
			title: { text: 'Language course', lang: 'en' },
			description: { text: 'Learn German.', lang: 'en' },
			isFallback: false
		});
		expect((await view(tenant, german.id, 'en'))?.isFallback).toBe(true);
		expect((await view(tenant, german.id, 'en'))?.title).toEqual({
			text: 'Elterncafé',
			lang: 'de'
		});
		expect((await view(tenant, outdated.id, 'en'))?.title).toEqual({ text: 'Nähkurs', lang: 'de' });
		expect((await view(tenant, translated.id, 'de'))?.title.text).toBe('Sprachkurs');
	});

	it('lets a district show its municipalities’ offers, never a sibling’s', async () => {
		const district = await buildTenant(database.db, {
			kind: 'district',
			name: 'Landkreis Beispiel'
		});
		const a = await buildMunicipality(database.db, district, 'Gemeinde A');
		const b = await buildMunicipality(database.db, district, 'Gemeinde B');
		const orgA = await buildOrganization(database.db, a.id);
		const orgD = await buildOrganization(database.db, district.id);
		const ofA = await buildOffer(database.db, a.id, orgA.id);
		const forA = await buildOffer(database.db, district.id, orgD.id, { municipalityIds: [a.id] });
		expect((await view(district, ofA.id))?.keptBy).toBe('Gemeinde A');
		expect(await view(b, ofA.id)).toBeNull();
		expect((await view(a, forA.id))?.keptBy).toBe('Landkreis Beispiel');
		expect((await view(a, forA.id))?.municipalities).toEqual(['Gemeinde A']);
		expect(await view(b, forA.id)).toBeNull();
	});

	it('turns only http(s) addresses into links', async () => {
		expect(safeHttpUrl('https://example.org/x')).toBe('https://example.org/x');
		expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
		expect(safeHttpUrl('data:text/html,hi')).toBeNull();
		expect(safeHttpUrl('www.example.org')).toBeNull();
		const { tenant } = await setup();
		const org = await buildOrganization(database.db, tenant.id, { website: 'javascript:alert(1)' });
		const offer = await buildOffer(database.db, tenant.id, org.id, {
			locationKind: 'online',
			onlineUrl: 'javascript:alert(2)'
		});
		const v = await view(tenant, offer.id);
		expect(v?.organization.website).toBeNull();
		expect(v?.onlineUrl).toBeNull();
	});
});
