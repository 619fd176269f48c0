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
import { municipalityExchange } from '../district/exchange';
import { districtExchange } from '../district/exchange-rollup';
import { districtOverview } from '../district/overview';
import { minutesDocument } from '../minutes/print';
import { DISTRICT_EXCHANGE_ACCOUNTS } from './district-exchange';
import { invitationPreview, sendInvitations } from '../invitations/invitations';
import { mailsOf } from '../invitations/invitations-setup';
import { listProposals } from '../meetings/series';

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

describe('demo: the next Vernetzungstreffen is sent to the municipalities', () => {
	it('plans the half-yearly series: the proposal after the next meeting is about half a year later', async () => {
		const ctx = await ctxFor('koordination@freising.example', 'landkreis-freising');
		const view = await districtExchange(ctx);
		const next = new Date(view.rollup.meetings[0].meeting.startsAt).getTime();
		const series = await listProposals(ctx, { bodyId: view.body.id });
		expect(series.body.cadenceKind).toBe('half_yearly');
		expect(series.upcoming.map((u) => u.startsAt.getTime())).toContain(next);
		const weeks = (series.proposals[0].startsAt.getTime() - next) / (7 * 86_400_000);
		expect(weeks).toBeGreaterThan(20);
		expect(weeks).toBeLessThan(32);
	});

	it('the invitation reaches each municipality’s coordinator, mayor and marked contacts once', async () => {
		const ctx = await ctxFor('koordination@freising.example', 'landkreis-freising');
		const view = await districtExchange(ctx);
		const meetingId = view.rollup.meetings[0].meeting.id;
		const preview = await invitationPreview(ctx, { meetingId });
		const mayors = preview.municipalities!.filter((r) => r.role === 'mayor');
		expect(mayors.map((r) => r.name).sort()).toEqual([
			'Claudia Obermaier (Demo)',
			'Florian Wimmer (Demo)',
			'Sabine Kerschl (Demo)',
			'Tobias Reindl (Demo)'
		]);
		const result = await sendInvitations(ctx, { meetingId });
		const district = tenant('landkreis-freising');
		const to = (await mailsOf(database.db, district.id)).map((m) => m.to);
		expect(result.municipalities).toBe(preview.municipalities!.length);
		expect(new Set(to).size).toBe(to.length);
		for (const address of [
			'integration@moosburg.example', // coordinator and marked contact: once
			'integration@eching.example',
			'integration@neufahrn.example', // marked contact
			'buergermeisterin@moosburg.example',
			'buergermeisterin@eching.example', // not public, still invited
			'buergermeister@neufahrn.example',
			'oberbuergermeister@stadt-freising.example'
		])
			expect(to).toContain(address);
		// Stadt Freising's contact person is not marked; Gifhorn's people are another district's
		expect(to).not.toContain('integration@stadt-freising.example');
		expect(to.filter((t) => t.endsWith('gifhorn.example'))).toEqual([]);
	});
});
