import { describe, expect, it } from 'vitest';
import { useTestSetup, testTenantCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import {
	buildContact,
	buildFieldOfAction,
	buildOffer,
	buildOrganization,
	buildTenant
} from '../factories';
import { NotFoundError } from '../errors';
import { getPublicOrganization } from './public-page';
import { startTopics } from '../offers/topics';

const setup = useTestSetup(async (db: Db) => {
	const tenant = await buildTenant(db);
	const other = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, {
		name: 'Beratungsstelle Mitte',
		languages: ['de', 'ar'],
		wheelchairAccessible: true,
		website: 'javascript:alert(1)'
	});
	return { db, tenant, other, org, visitor: testTenantCtx(db, tenant, null) };
});

describe('public organisation page', () => {
	it('shows public offers and consented contacts only; unsafe website dropped', async () => {
		const s = await setup();
		await buildOffer(s.db, s.tenant.id, s.org.id, { title: 'Sprechstunde' });
		await buildOffer(s.db, s.tenant.id, s.org.id, { title: 'Entwurf', status: 'draft' });
		await buildContact(s.db, s.tenant.id, s.org.id, { name: 'Mit Einwilligung', consent: true });
		await buildContact(s.db, s.tenant.id, s.org.id, { name: 'Ohne Einwilligung' });
		const page = await getPublicOrganization(s.visitor, { id: s.org.id });
		expect(page.offers.map((o) => o.title)).toEqual(['Sprechstunde']);
		expect(page.contacts.map((c) => c.name)).toEqual(['Mit Einwilligung']);
		expect(page.website).toBeNull();
		expect(page).toMatchObject({ languages: ['de', 'ar'], wheelchairAccessible: true });
	});

	it('a hidden organisation or one of another tenant is not found', async () => {
		const s = await setup();
		const hidden = await buildOrganization(s.db, s.tenant.id, { isPublic: false });
		await expect(getPublicOrganization(s.visitor, { id: hidden.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			getPublicOrganization(testTenantCtx(s.db, s.other, null), { id: s.org.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('start page topics', () => {
	it("link to the tenant's field of action where it has one, else to a search", async () => {
		const s = await setup();
		await buildFieldOfAction(s.db, s.tenant.id, { key: 'sprache', names: { de: 'Sprache' } });
		const tiles = await startTopics(s.db, s.tenant);
		expect(tiles).toHaveLength(8);
		const byTopic = Object.fromEntries(tiles.map((t) => [t.topic, t.href]));
		expect(byTopic.language).toBe(`/${s.tenant.slug}/angebote?field=sprache`);
		expect(byTopic.volunteering).toBe(`/${s.tenant.slug}/angebote?q=Ehrenamt`);
	});
});
