import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testCtx, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { DEMO_SPEAKER_GIFHORN } from './papers';
import { tenants, type Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { bodies } from '../bodies/schema';
import { actionItems } from '../minutes/schema';
import { consultations, instructions, paperRelations, papers } from '../papers/schema';
import { statusReportVersions, statusReports } from '../reports/schema';
import { signIn } from '../auth/sign-in';
import { loadActor } from '../auth/sessions';
import { myInstructions } from '../papers/instructions-view';
import { listPublicPapers } from '../papers/public-view';
import { renderMarkdown } from '../papers/markdown';
import type { ReportDocument } from '../reports/document';

let database: Database;
let bySlug: Record<string, Tenant>;

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	const all = await database.db.select().from(tenants);
	bySlug = Object.fromEntries(all.map((t) => [t.slug, t]));
});
afterAll(() => database.close());

describe('papers demo', () => {
	it('Gifhorn: papers of the four Arbeitskreise to the Steuerungsgruppe, numbered without gaps per year', async () => {
		const db = database.db;
		const g = bySlug['landkreis-gifhorn'];
		const rows = await db
			.select({ paper: papers, origin: bodies.name })
			.from(papers)
			.leftJoin(bodies, eq(bodies.id, papers.originatingBodyId))
			.where(eq(papers.tenantId, g.id))
			.orderBy(asc(papers.year), asc(papers.number));
		expect(rows.length).toBeGreaterThanOrEqual(9);
		const byYear = new Map<number, number[]>();
		for (const r of rows)
			byYear.set(r.paper.year, [...(byYear.get(r.paper.year) ?? []), r.paper.number]);
		for (const numbers of byYear.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
		expect(byYear.size).toBeGreaterThanOrEqual(2);
		const origins = new Set(rows.map((r) => r.origin).filter(Boolean));
		for (const name of [
			'Arbeitskreis Bildung',
			'Arbeitskreis Familienleben',
			'Arbeitskreis Integration in Ausbildung und Arbeit',
			'Arbeitskreis gesellschaftliche Teilhabe'
		])
			expect(origins).toContain(name);
		const states = rows.map((r) => r.paper.state);
		for (const s of ['decided', 'noted', 'submitted', 'draft']) expect(states).toContain(s);
		// the deferred paper came back and was decided
		const lotsen = rows.find((r) => r.paper.title.startsWith('Lotsenstelle'))!;
		const cons = await db
			.select()
			.from(consultations)
			.where(eq(consultations.paperId, lotsen.paper.id));
		expect(cons.map((c) => c.result).sort()).toEqual(['decided', 'deferred']);
		// a subordinate paper
		const [rel] = await db.select().from(paperRelations).where(eq(paperRelations.tenantId, g.id));
		expect(rel).toBeTruthy();
	});

	it('Gifhorn: instructions are action items of the working groups, which the demo speaker sees', async () => {
		const db = database.db;
		const g = bySlug['landkreis-gifhorn'];
		const ins = await db
			.select({ i: instructions, body: bodies.name, state: actionItems.state })
			.from(instructions)
			.innerJoin(bodies, eq(bodies.id, instructions.bodyId))
			.innerJoin(actionItems, eq(actionItems.id, instructions.actionItemId))
			.where(eq(instructions.tenantId, g.id));
		expect(ins.length).toBeGreaterThanOrEqual(4);
		expect(ins.every((x) => x.body.startsWith('Arbeitskreis'))).toBe(true);
		expect(ins.map((x) => x.state)).toEqual(expect.arrayContaining(['open', 'done']));
		const result = await signIn(testCtx(db, null), {
			email: DEMO_SPEAKER_GIFHORN,
			password: 'miteinander-demo'
		});
		expect('userId' in result).toBe(true);
		const [speaker] = await db.select().from(users).where(eq(users.email, DEMO_SPEAKER_GIFHORN));
		const ctx = testTenantCtx(db, g, await loadActor(db, speaker.id));
		const mine = await myInstructions(ctx);
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((i) => i.bodyName === 'Arbeitskreis Bildung')).toBe(true);
	});

	it('Gifhorn: the last half-year has a frozen status report, filed as a paper of type report', async () => {
		const db = database.db;
		const g = bySlug['landkreis-gifhorn'];
		const [report] = await db.select().from(statusReports).where(eq(statusReports.tenantId, g.id));
		expect(report.state).toBe('frozen');
		const [version] = await db
			.select()
			.from(statusReportVersions)
			.where(eq(statusReportVersions.reportId, report.id));
		const doc = version.content as ReportDocument;
		const meetingsSection = doc.sections.find((s) => s.key === 'meetings')!;
		expect(JSON.stringify(meetingsSection)).toContain('Steuerungsgruppe Integration');
		const papersSection = doc.sections.find((s) => s.key === 'papers')!;
		expect(papersSection.blocks.some((b) => b.kind === 'table')).toBe(true);
		const [paper] = await db.select().from(papers).where(eq(papers.id, report.paperId!));
		expect(paper.type).toBe('report');
	});

	it('Laatzen: Mitteilung 144/2009 with its recommendations, after Drucksache 047/2008', async () => {
		const db = database.db;
		const l = bySlug.laatzen;
		expect(l).toMatchObject({ name: 'Stadt Laatzen', kind: 'city', land: 'NI', ags: '03241010' });
		const rows = await db
			.select()
			.from(papers)
			.where(and(eq(papers.tenantId, l.id), inArray(papers.reference, ['144/2009', '047/2008'])));
		const mitteilung = rows.find((r) => r.reference === '144/2009')!;
		expect(mitteilung).toMatchObject({
			type: 'notice',
			title: 'Konsultationsprozess zur Integrationsarbeit',
			visibility: 'public'
		});
		const html = renderMarkdown(mitteilung.text);
		expect(html).toContain('<li>Sprachförderung in den Kindertagesstätten,</li>');
		expect(html).toContain('Sofortige Reaktion auf ausländerfeindliche Aktivitäten.');
		const [rel] = await db
			.select()
			.from(paperRelations)
			.where(eq(paperRelations.childPaperId, mitteilung.id));
		expect(rel.parentPaperId).toBe(rows.find((r) => r.reference === '047/2008')!.id);
		const pub = await listPublicPapers(testTenantCtx(db, l));
		expect(pub.items.map((p) => p.reference)).toContain('144/2009');
	});
});
