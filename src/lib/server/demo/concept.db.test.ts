import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { tenants, type Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { loadActor } from '../auth/sessions';
import { listEditions } from '../concept/editions';
import { compareEditions } from '../concept/edition-compare';
import { getDashboard, publicConcept } from '../concept/views';
import { getDistrictFigures } from '../concept/district-figures';
import { getRound, listRounds } from '../concept/prioritisation';
import { guidingQuestionsForBody } from '../concept/structure';
import { conceptGoals, conceptGuidingQuestions, conceptMeasures } from '../concept/schema';

let database: Database;
let bySlug: Record<string, Tenant>;
beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	bySlug = Object.fromEntries((await database.db.select().from(tenants)).map((t) => [t.slug, t]));
});
afterAll(() => database?.close());

async function ctxFor(email: string, tenant: Tenant) {
	const [user] = await database.db.select().from(users).where(eq(users.email, email));
	return testTenantCtx(database.db, tenant, await loadActor(database.db, user.id));
}

describe('demo concepts', () => {
	it('public goal and measure texts carry no seed numbers such as "(003)" (issue 14)', async () => {
		const texts = [
			...(await database.db.select().from(conceptGoals)).flatMap((g) => Object.values(g)),
			...(await database.db.select().from(conceptMeasures)).flatMap((x) => Object.values(x))
		].filter((v): v is string => typeof v === 'string');
		expect(texts.length).toBeGreaterThan(20);
		expect(texts.filter((t) => /\(\d{3}\)/.test(t))).toEqual([]);
	});

	it('gives Gifhorn its 2010 concept, superseded by the adopted 2018 revision, with a diff', async () => {
		const gifhorn = bySlug['landkreis-gifhorn'];
		const ctx = await ctxFor('koordination@gifhorn.example', gifhorn);
		const editions = await listEditions(ctx);
		expect(editions.map((e) => [e.state, e.adoptedOn, e.adoptedBy])).toEqual([
			['adopted', '2018-12-13', 'Kreistag'],
			['superseded', '2010-03-25', 'Kreistag']
		]);
		expect(editions[0].leitbild).toContain('18.12.2008');
		const diff = await compareEditions(ctx, {
			beforeId: editions[1].id,
			afterId: editions[0].id
		});
		expect(diff.guidelines.added).toHaveLength(8);
		expect(diff.guidelines.unchanged).toBe(8);
		expect(diff.measures.added.length).toBeGreaterThan(0);
	});

	it('publishes Gifhorn’s four fields with measures, internal ones hidden, indicators marked as demo', async () => {
		const gifhorn = bySlug['landkreis-gifhorn'];
		const pub = (await publicConcept(testTenantCtx(database.db, gifhorn), {
			today: '2026-06-01'
		}))!;
		expect(pub.tree.fields.map((f) => f.name)).toEqual([
			'Bildung',
			'Familienleben',
			'Integration in Ausbildung und Arbeit',
			'Gesellschaftliche Teilhabe'
		]);
		const titles = pub.tree.fields.flatMap((f) =>
			f.goals.flatMap((g) => g.measures.map((m) => m.title))
		);
		expect(titles).toContain('Sprachförderung in den Kindertagesstätten');
		expect(titles).not.toContain('Sofortige Reaktion auf ausländerfeindliche Aktivitäten');
		expect(titles).not.toContain('Zugang zu preiswerten Wohnungen in allen Ortsteilen');
		expect(pub.tree.guidelines[0].title).toBe(
			'Integration bedeutet miteinander, nicht nebeneinander leben'
		);
		const sgb2 = pub.indicators.find((i) => i.indicator.libraryKey === 'sgb2-quote-auslaender')!;
		expect(sgb2.hasDemo).toBe(true);
		expect(sgb2.series.length).toBeGreaterThanOrEqual(5);
		expect(sgb2.trend.status).toBe('on_track');
		const statuses = new Set(pub.indicators.map((i) => i.trend.status));
		expect(statuses).toContain('off_track');
		expect(statuses).toContain('no_data');
	});

	it('puts 001’s guiding questions on a working group and opens a dot-voting round in Landshut', async () => {
		const landshut = bySlug.landshut;
		const [q] = await database.db
			.select()
			.from(conceptGuidingQuestions)
			.where(eq(conceptGuidingQuestions.tenantId, landshut.id))
			.limit(1);
		const questions = await guidingQuestionsForBody(database.db, landshut.id, q.bodyId);
		expect(questions.map((x) => x.question)).toContain('Wie erreiche ich bestimmte Zielgruppen?');
		const member = await ctxFor('mitglied@landshut.example', landshut);
		const [round] = await listRounds(member);
		expect(round).toMatchObject({ state: 'open', mayVote: true, pointsPerMember: 5 });
		const view = await getRound(member, { roundId: round.id });
		expect(view.measures.length).toBe(4);
		expect(view.ranking[0]).toMatchObject({ title: 'Sprachcafés in allen Stadtteilen', points: 3 });
	});

	it('compares the municipalities of Landkreis Freising', async () => {
		const freising = bySlug['landkreis-freising'];
		const ctx = await ctxFor('koordination@freising.example', freising);
		const [edition] = await listEditions(ctx);
		const dash = await getDashboard(ctx, { edition, today: '2026-06-01' });
		const share = dash.comparison.find(
			(c) => c.indicator.indicator.libraryKey === 'auslaenderanteil'
		)!;
		// every municipality, Zolling without a reported share: missing, not zero
		expect(share.rows.map((r) => [r.area, r.value])).toEqual([
			['Gemeinde Allershausen', 11.4],
			['Gemeinde Eching', 18.5],
			['Gemeinde Hallbergmoos', 22.6],
			['Gemeinde Neufahrn b.Freising', 23.6],
			['Gemeinde Zolling', null],
			['Markt Au i.d.Hallertau', 13.8],
			['Stadt Freising', 22],
			['Stadt Moosburg a.d.Isar', 20.1]
		]);
		expect(share.perCapita).toBe(false);
		const asylum = dash.comparison.find(
			(c) => c.indicator.indicator.libraryKey === 'asyl-untergebracht'
		)!;
		expect(asylum.perCapita).toBe(true);
		const au = asylum.rows.find((r) => r.slug === 'au-hallertau')!;
		expect(au).toMatchObject({ value: 45, date: '2022-12-31', isDemo: true });
		expect(au.perThousand).toBeCloseTo((45 / 6255) * 1000, 6);
		expect(au.breakdown.map((b) => b.category)).toEqual([
			'anerkannt (Fehlbeleger:innen)',
			'geduldet',
			'im Asylverfahren'
		]);
		const figures = await getDistrictFigures(ctx);
		expect(figures.map?.features).toHaveLength(8);
		const gifhorn = await getDistrictFigures(
			await ctxFor('koordination@gifhorn.example', bySlug['landkreis-gifhorn'])
		);
		expect(gifhorn.municipalities.map((m) => m.name)).toEqual([
			'Gemeinde Meinersen',
			'Gemeinde Sassenburg',
			'Stadt Gifhorn',
			'Stadt Wittingen'
		]);
		const gAsylum = gifhorn.comparisons.find(
			(c) => c.indicator.indicator.libraryKey === 'asyl-untergebracht'
		)!;
		expect(gAsylum.rows.find((r) => r.slug === 'meinersen')?.value).toBeNull();
	});
});
