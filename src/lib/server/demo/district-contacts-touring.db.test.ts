import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { tenants, type Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { loadActor } from '../auth/sessions';
import { scopeAt } from '../offers/finder-testing';
import { toBerlinDateTime } from '../shared';
import { integrationContactsSection, publicTenantContacts } from '../tenant-contacts/contacts';
import { upcomingTouringStops } from '../touring/public';
import { touringOverview } from '../touring/views';
import { touringStops } from '../touring/schema';

let database: Database;
let bySlug: Record<string, Tenant>;
/** A fixed "today" before the 2027 stops, so the test does not depend on the day it runs. */
const NOW = new Date('2026-12-01T09:00:00Z');

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	const rows = await database.db.select().from(tenants);
	bySlug = Object.fromEntries(rows.map((t) => [t.slug, t]));
	// the whole demo is seeded: give it time on a busy machine
}, 240_000);
afterAll(() => database.close());

describe('demo: contact persons for integration', () => {
	it('shows the Landratsamt Freising’s consented people, never the one without consent', async () => {
		const people = await publicTenantContacts(database.db, bySlug['landkreis-freising'].id);
		expect(people.length).toBe(4);
		expect(people.every((p) => p.name.includes('(Demo)'))).toBe(true);
		expect(people.map((p) => p.name).join()).not.toContain('ohne Einwilligung');
		expect(people[0]).toMatchObject({ role: 'Integrationsbeauftragte des Landkreises' });
	});

	it('gives Moosburg its own person and Eching the district office’s people', async () => {
		const moosburg = await integrationContactsSection(testTenantCtx(database.db, bySlug.moosburg));
		// and its mayor (demo/district-invitees.ts)
		expect(moosburg.own.map((p) => p.name)).toEqual([
			'Theresa Gruber (Demo)',
			'Claudia Obermaier (Demo)'
		]);
		expect(moosburg.district?.slug).toBe('landkreis-freising');
		const eching = await integrationContactsSection(testTenantCtx(database.db, bySlug.eching));
		// (Eching's mayor has not consented to being shown)
		expect(eching.own).toEqual([]);
		expect(eching.district?.people.length).toBe(4);
		const gifhorn = await publicTenantContacts(database.db, bySlug['landkreis-gifhorn'].id);
		expect(gifhorn.length).toBe(2);
	});
});

describe('demo: the Beratungsbus', () => {
	it('has stops from January 2021 on', async () => {
		const rows = await database.db
			.select({ startsAt: touringStops.startsAt, status: touringStops.status })
			.from(touringStops)
			.where(eq(touringStops.tenantId, bySlug['landkreis-freising'].id));
		const starts = rows
			.filter((r) => r.status === 'confirmed')
			.map((r) => toBerlinDateTime(r.startsAt))
			.sort();
		expect(starts[0]).toBe('2021-01-12T09:30');
		expect(starts.filter((s) => s.startsWith('2021')).length).toBeGreaterThanOrEqual(12);
	});

	it("shows a family in Moosburg the next stop in Moosburg's finder, and the district all", async () => {
		const moosburg = await scopeAt(database.db, 'moosburg');
		const [next] = await upcomingTouringStops(database.db, moosburg!, {}, NOW);
		expect(next).toMatchObject({
			projectTitle: 'Mobile Elternbegleitung – Beratungsbus',
			municipalityName: 'Stadt Moosburg a.d.Isar',
			place: 'Stadtplatz'
		});
		expect(toBerlinDateTime(next.startsAt)).toBe('2027-01-12T09:30');
		const found = await upcomingTouringStops(database.db, moosburg!, { q: 'Beratungsbus' }, NOW);
		expect(found[0].id).toBe(next.id);
		const district = await scopeAt(database.db, 'landkreis-freising');
		const all = await upcomingTouringStops(database.db, district!, { limit: 100 }, NOW);
		expect(new Set(all.map((s) => s.municipalityName)).size).toBe(3);
		// Eching asked but has no confirmed date yet
		const eching = await scopeAt(database.db, 'eching');
		expect(await upcomingTouringStops(database.db, eching!, {}, NOW)).toEqual([]);
	});

	it("keeps Eching's request open for the district coordinator", async () => {
		const [user] = await database.db
			.select()
			.from(users)
			.where(eq(users.email, 'koordination@freising.example'));
		const ctx = testTenantCtx(
			database.db,
			bySlug['landkreis-freising'],
			await loadActor(database.db, user.id)
		);
		const overview = await touringOverview(ctx);
		expect(overview.openRequests).toBe(1);
		const request = overview.projects[0].stops.find((s) => s.status === 'requested');
		expect(request?.municipalityName).toBe('Gemeinde Eching');
	});
});
