/** The views behind a tenant's public start page and the language switch. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testCtx, testTenantCtx, useTestDb } from '../db/testing/test-db';
import {
	buildOrganization,
	buildOrganizationType,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import { users } from '../auth/schema';
import { saveLocale } from '../auth/account';
import { peoplePage } from '../auth/people';
import { listPublicOrganizations } from '../organizations/lists';
import { NotFoundError } from '../errors';
import { listPublicTenants, publicTenantFamily } from './service';

const database = useTestDb();

describe('public start page', () => {
	it('shows a district’s public municipalities and a municipality’s public district', async () => {
		const db = database.db;
		const district = await buildTenant(db, { kind: 'district', isPublic: true });
		const town = await buildTenant(db, {
			kind: 'municipality',
			parentId: district.id,
			isPublic: true
		});
		await buildTenant(db, { kind: 'municipality', parentId: district.id, isPublic: false });
		const ofDistrict = await publicTenantFamily(testTenantCtx(db, district));
		expect(ofDistrict.children.map((c) => c.id)).toEqual([town.id]);
		expect(ofDistrict.parent).toBeNull();
		const ofTown = await publicTenantFamily(testTenantCtx(db, town));
		expect(ofTown).toEqual({
			children: [],
			parent: { name: district.name, slug: district.slug }
		});
		const hiddenDistrict = await buildTenant(db, { kind: 'district', isPublic: false });
		const lonely = await buildTenant(db, { kind: 'municipality', parentId: hiddenDistrict.id });
		expect((await publicTenantFamily(testTenantCtx(db, lonely))).parent).toBeNull();
		const listed = (await listPublicTenants(testCtx(db))).map((t) => t.id);
		expect(listed).toEqual(expect.arrayContaining([district.id, town.id]));
		expect(listed).not.toContain(hiddenDistrict.id);
	});

	it('lists the tenant’s own and taking-part organisations with their type, no others', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const other = await buildTenant(db);
		const type = await buildOrganizationType(db, tenant.id, { name: 'Verein' });
		const own = await buildOrganization(db, tenant.id, { name: 'A-Verein', typeId: type.id });
		const guest = await buildOrganization(db, other.id, { name: 'B-Dienst', alsoIn: [tenant.id] });
		await buildOrganization(db, other.id, { name: 'C-Fremd' });
		expect(await listPublicOrganizations(testTenantCtx(db, tenant))).toEqual([
			{ id: own.id, name: 'A-Verein', type: 'Verein' },
			{ id: guest.id, name: 'B-Dienst', type: null }
		]);
	});
});

describe('people page', () => {
	it('gives coordinators people, invitations and their organisations; others get NotFoundError', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const coordinator = await buildUser(db);
		await grantRole(db, tenant.id, coordinator.id, 'coordinator');
		const member = await buildUser(db);
		await grantRole(db, tenant.id, member.id, 'member');
		const org = await buildOrganization(db, tenant.id, { name: 'Eigene' });
		await buildOrganization(db, (await buildTenant(db)).id, { name: 'Fremde' });
		const page = await peoplePage(testTenantCtx(db, tenant, await loadActor(db, coordinator.id)));
		expect(page.people.map((p) => p.userId).sort()).toEqual([coordinator.id, member.id].sort());
		expect(page.invitations).toEqual([]);
		expect(page.organizations).toEqual([{ id: org.id, name: 'Eigene' }]);
		await expect(
			peoplePage(testTenantCtx(db, tenant, await loadActor(db, member.id)))
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('saveLocale', () => {
	it('keeps the language of a signed-in person and does nothing for visitors', async () => {
		const db = database.db;
		const user = await buildUser(db);
		await saveLocale(testCtx(db, await loadActor(db, user.id)), { locale: 'en' });
		const [row] = await db.select().from(users).where(eq(users.id, user.id));
		expect(row.locale).toBe('en');
		await expect(saveLocale(testCtx(db), { locale: 'de' })).resolves.toBeUndefined();
	});
});
