/**
 * The Freising demo (seed 004): the first Vernetzungstreffen's exchange per municipality, the
 * answer that became an action item, the next meeting planned, and the municipalities'
 * coordinators who can record their answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { seedDemo, DEMO_PASSWORD } from './seed';
import { tenants, type Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { loadActor } from '../auth/sessions';
import { verifyPassword } from '../auth/password';
import { districtExchange, municipalityExchange } from '../district/exchange';
import { districtOverview } from '../district/overview';
import { minutesDocument } from '../minutes/print';
import { DISTRICT_EXCHANGE_ACCOUNTS } from './district-exchange';

let database: Database;
let all: Tenant[];
beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	all = await database.db.select().from(tenants);
});
afterAll(() => database?.close());

const tenant = (slug: string) => all.find((t) => t.slug === slug)!;
async function ctxFor(email: string, slug: string) {
	const [user] = await database.db.select().from(users).where(eq(users.email, email));
	return testTenantCtx(database.db, tenant(slug), await loadActor(database.db, user.id));
}

describe('demo: the Freising networking meeting', () => {
	it('has the answers of the four municipalities at the first meeting and a planned next one', async () => {
		const ctx = await ctxFor('koordination@freising.example', 'landkreis-freising');
		const view = await districtExchange(ctx);
		expect(view.body.name).toBe('Vernetzungstreffen der Gemeinden zum Thema Integration');
		const [next, first] = view.rollup.meetings;
		expect(next.meeting.state).toBe('planned');
		expect(new Date(next.meeting.startsAt).getTime()).toBeGreaterThan(Date.now());
		expect(view.openMeetingIds).toEqual([next.meeting.id]);
		expect(first.answered).toBe(4);
		const moosburg = first.cells.find((c) => c.municipality.slug === 'moosburg')!;
		expect(moosburg.answer?.worksWell).toContain('Helferkreis Asyl Moosburg');
		expect(moosburg.answer?.actionItemId).not.toBeNull();
		const eching = first.cells.find((c) => c.municipality.slug === 'eching')!;
		expect(eching.missing).toEqual(['districtHelp']);
		expect(next.answered).toBe(1);
		// only Stadt Freising has answered for the next meeting; every other municipality is listed
		const freisingDistrict = tenant('landkreis-freising');
		const others = all
			.filter((t) => t.parentId === freisingDistrict.id && t.slug !== 'freising')
			.map((t) => t.slug)
			.sort();
		expect(others.length).toBeGreaterThanOrEqual(5);
		expect(next.missingMunicipalities.map((m) => m.slug).sort()).toEqual(others);
		// the first meeting's published minutes carry the exchange
		const { model } = await minutesDocument(ctx, ctx.tenant.id, first.meeting.id);
		expect(JSON.stringify(model.blocks)).toContain('Erfahrungsaustausch der Gemeinden');
	});

	it('the municipalities’ coordinators sign in and see only their own municipality', async () => {
		for (const account of DISTRICT_EXCHANGE_ACCOUNTS) {
			const [user] = await database.db.select().from(users).where(eq(users.email, account.email));
			expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true);
		}
		const ctx = await ctxFor('integration@moosburg.example', 'moosburg');
		const view = await municipalityExchange(ctx);
		expect(view.district.name).toBe('Landkreis Freising');
		expect(view.meetings[0].open).toBe(true);
		expect(view.meetings[0].answer).toBeNull();
		expect(view.meetings[1].answer?.districtHelp).toContain('Beratungsbus');
		const overview = await districtOverview(ctx);
		expect(overview.municipalities.map((m) => m.slug)).toEqual(['moosburg']);
	});
});
