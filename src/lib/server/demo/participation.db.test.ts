import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { DEMO_INQUIRY_STATUS_TOKEN, LAATZEN_PROCESS_TITLE } from './participation';
import { tenants, type Tenant } from '../tenants/schema';
import { consultationProcesses } from '../participation/schema';
import { dialoguesOf } from '../participation/dialogues';
import { groupByField, recommendationsOf } from '../participation/recommendation-views';
import { contributionsOf } from '../participation/contribution-views';
import { getPublicProcess, listPublicProcesses } from '../participation/processes';
import { inquiries } from '../inquiries/schema';
import { getInquiryStatus } from '../inquiries/submit';
import { needs } from '../needs/schema';

let database: Database;
let laatzen: Tenant;
beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	[laatzen] = await database.db.select().from(tenants).where(eq(tenants.slug, 'laatzen'));
});
afterAll(() => database?.close());

describe('demo participation (Laatzen, seed 003)', () => {
	it('creates Stadt Laatzen in Niedersachsen', () => {
		expect(laatzen).toMatchObject({
			name: 'Stadt Laatzen',
			land: 'NI',
			kind: 'city',
			ags: '03241010'
		});
	});

	it('has the consultation process with its three Integrations-Dialoge on their dates', async () => {
		const db = database.db;
		const [process] = await db
			.select()
			.from(consultationProcesses)
			.where(eq(consultationProcesses.title, LAATZEN_PROCESS_TITLE));
		expect(process.tenantId).toBe(laatzen.id);
		const dialogues = await dialoguesOf(db, laatzen.id, process.id);
		expect(
			dialogues.map((d) => [
				d.targetGroup,
				d.startsAt.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })
			])
		).toEqual([
			['all', '13.11.2008'],
			['youth', '25.3.2009'],
			['seniors', '2.6.2009']
		]);
		const items = await contributionsOf(db, laatzen.id, process.id, {
			staff: false,
			locale: 'de'
		});
		for (const d of dialogues) expect(items.some((c) => c.dialogueId === d.id)).toBe(true);
		const view = await getPublicProcess(testTenantCtx(db, laatzen), { processId: process.id });
		expect(view.phases.map((p) => p.kind)).toEqual([
			'information',
			'collecting',
			'evaluation',
			'results'
		]);
	});

	it('has the recommendations of Mitteilung 144/2009 grouped by topic, traced to the dialogues', async () => {
		const db = database.db;
		const [process] = await db
			.select()
			.from(consultationProcesses)
			.where(eq(consultationProcesses.title, LAATZEN_PROCESS_TITLE));
		const recs = await recommendationsOf(db, laatzen.id, process.id, 'de');
		const groups = groupByField(recs);
		expect(groups.map((g) => [g.name, g.items.length])).toEqual([
			['Information, Sprache und Bildung', 7],
			['Chancengleichheit und Partizipation', 4],
			['Interkulturelle Öffnung', 5]
		]);
		expect(recs.map((r) => r.title)).toContain('Sprachförderung in den Kindertagesstätten');
		const youth = (await dialoguesOf(db, laatzen.id, process.id)).find(
			(d) => d.targetGroup === 'youth'
		)!;
		expect(recs.some((r) => r.contributions.some((c) => c.dialogueId === youth.id))).toBe(true);
		const women = recs.find((r) => r.outcomeKind === 'need')!;
		const [need] = await db.select().from(needs).where(eq(needs.id, women.outcomeRef!));
		expect(need.tenantId).toBe(laatzen.id);
		expect(recs.filter((r) => r.outcomeKind === 'adopted')).toHaveLength(2);
	});

	it('has a current process in its collecting phase', async () => {
		const list = await listPublicProcesses(testTenantCtx(database.db, laatzen));
		expect(list.map((p) => p.currentPhase)).toContain('collecting');
	});

	it('has citizens’ messages in every state, one with a known status link', async () => {
		const rows = await database.db
			.select()
			.from(inquiries)
			.where(eq(inquiries.tenantId, laatzen.id));
		expect(new Set(rows.map((r) => r.state))).toEqual(
			new Set(['new', 'in_progress', 'answered', 'closed'])
		);
		expect(rows.some((r) => r.purgedAt !== null && r.email === null)).toBe(true);
		const status = await getInquiryStatus(testTenantCtx(database.db, laatzen), {
			token: DEMO_INQUIRY_STATUS_TOKEN
		});
		expect(status.state).toBe('new');
	});
});
