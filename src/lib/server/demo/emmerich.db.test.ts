import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { listPublicNews } from '../news/views';
import { seedDemo } from './seed';
import { EMMERICH_EXCHANGE_TITLE, EMMERICH_NEWS } from './emmerich';
import { tenants, type Tenant } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { actionItems } from '../minutes/schema';
import { conceptEditions, conceptGuidelines, milestones } from '../concept/schema';
import { indicatorValues } from '../concept/indicator-schema';
import {
	consultationProcesses,
	contributions,
	dialogues,
	processPhases,
	recommendations
} from '../participation/schema';
import { guidingQuestionsForBody } from '../concept/structure';
import { scopeAt } from '../offers/finder-testing';
import { searchOffers } from '../offers/search';
import { parseFinderQuery } from '../offers/finder-query';
import { publicOfferContacts } from '../offers/contact';
import { berlinDateOf } from '../shared';
import { GUIDELINES_001, QUESTIONS_001 } from './concept';

let database: Database;
let emmerich: Tenant;
const now = new Date();
const today = berlinDateOf(now);

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	[emmerich] = await database.db.select().from(tenants).where(eq(tenants.slug, 'emmerich'));
});
afterAll(() => database?.close());

async function bodyNamed(name: string) {
	const [row] = await database.db
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, emmerich.id), eq(bodies.name, name)));
	expect(row, name).toBeDefined();
	return row;
}

async function meetingsOf(bodyId: string) {
	return database.db
		.select()
		.from(meetings)
		.where(eq(meetings.bodyId, bodyId))
		.orderBy(asc(meetings.startsAt));
}

describe('demo: Stadt Emmerich am Rhein (seed 001)', () => {
	it('is a public city in Nordrhein-Westfalen with its coordination office as contact', () => {
		expect(emmerich).toMatchObject({
			name: 'Stadt Emmerich am Rhein',
			kind: 'city',
			land: 'NW',
			ags: '05154012',
			isPublic: true
		});
		expect(emmerich.settings.publicContactEmail).toBe('integration@emmerich.example');
		expect(emmerich.settings.publicDescription).toContain('messbar');
	});

	it('has the Integrationsrat (public), the Lenkungsgruppe, the network and the first two AGs with members', async () => {
		const rat = await bodyNamed('Integrationsrat der Stadt Emmerich am Rhein');
		expect(rat).toMatchObject({ kind: 'advisory_council', visibility: 'public' });
		expect((await bodyNamed('Lenkungsgruppe Integrationskonzept')).kind).toBe('steering_group');
		expect((await bodyNamed('Netzwerk Integration Emmerich am Rhein')).kind).toBe('network');
		for (const name of ['AG Sprache', 'AG Arbeit und Ausbildung']) {
			const ag = await bodyNamed(name);
			expect(ag.kind).toBe('working_group');
		}
	});

	it('holds the session of 01.09.2016 with its agenda and published minutes', async () => {
		const rat = await bodyNamed('Integrationsrat der Stadt Emmerich am Rhein');
		const [session] = await meetingsOf(rat.id);
		expect(berlinDateOf(session.startsAt)).toBe('2016-09-01');
		expect(session).toMatchObject({ state: 'held', minutesState: 'published' });
		const items = await database.db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, session.id))
			.orderBy(asc(agendaItems.position));
		const titles = items.map((i) => i.title);
		expect(titles).toContain('Integrationskonzept: Weiteres Vorgehen');
		expect(titles).toContain(
			'Vorstellung und Diskussion der Leitlinien zur Integration in Emmerich'
		);
		expect(items.find((i) => i.title.startsWith('Integrationskonzept'))!.notes).toContain(
			'Kick-Offs zusammen mit der Lenkungsgruppe'
		);
	});

	it('founds AG Sprache and AG Arbeit und Ausbildung at the first network meeting after the kick-off', async () => {
		const network = await bodyNamed('Netzwerk Integration Emmerich am Rhein');
		const list = await meetingsOf(network.id);
		expect(list[0].title).toBe('Kick-Off Integrationskonzept');
		expect(list[1].title).toBe('Erstes Netzwerktreffen Integration');
		const decisions = await database.db
			.select({ decision: agendaItems.decision })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, list[1].id));
		const text = decisions.map((d) => d.decision ?? '').join(' ');
		expect(text).toContain('AG Sprache');
		expect(text).toContain('AG Arbeit und Ausbildung');
	});

	it('plans the next network meetings ahead, six to eight weeks apart', async () => {
		const network = await bodyNamed('Netzwerk Integration Emmerich am Rhein');
		const ahead = (await meetingsOf(network.id)).filter((m) => m.startsAt > now);
		expect(ahead).toHaveLength(3);
		for (const m of ahead) expect(m.state).toBe('planned');
		for (let i = 1; i < ahead.length; i++) {
			const weeks =
				(ahead[i].startsAt.getTime() - ahead[i - 1].startsAt.getTime()) / (7 * 86_400_000);
			expect(weeks).toBeGreaterThanOrEqual(5.9);
			expect(weeks).toBeLessThanOrEqual(8.1);
		}
	});

	it('keeps time consistent: past meetings held, future ones not, minutes after the meeting, tasks after their meeting', async () => {
		const rows = await database.db
			.select()
			.from(meetings)
			.where(eq(meetings.tenantId, emmerich.id));
		expect(rows.length).toBeGreaterThan(10);
		for (const m of rows) {
			if (m.startsAt > now) expect(m.state, m.id).toBe('planned');
			else expect(m.state, m.id).toBe('held');
			if (m.invitedAt) expect(m.invitedAt < m.startsAt).toBe(true);
			if (m.minutesPublishedAt) {
				expect(m.minutesPublishedAt > m.endsAt).toBe(true);
				expect(m.minutesPublishedAt <= now).toBe(true);
			}
			expect(m.createdAt <= now).toBe(true);
		}
		const actions = await database.db
			.select({ action: actionItems, meeting: meetings })
			.from(actionItems)
			.innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
			.where(eq(actionItems.tenantId, emmerich.id));
		expect(actions.length).toBeGreaterThan(0);
		for (const { action, meeting } of actions) {
			expect(action.createdAt >= meeting.endsAt).toBe(true);
			if (action.completedAt) {
				expect(action.completedAt <= now).toBe(true);
				expect(action.completedAt >= action.createdAt, action.title).toBe(true);
			}
		}
		const ms = await database.db
			.select()
			.from(milestones)
			.where(eq(milestones.tenantId, emmerich.id));
		expect(ms.some((m) => m.dueDate > today && m.doneOn === null)).toBe(true);
		for (const m of ms) if (m.doneOn) expect(m.doneOn <= today, m.title).toBe(true);
		for (const n of EMMERICH_NEWS) expect(n.date <= today, n.title).toBe(true);
		const recs = await database.db
			.select()
			.from(recommendations)
			.where(eq(recommendations.tenantId, emmerich.id));
		expect(recs.length).toBeGreaterThan(0);
		for (const r of recs) expect(r.outcomeAt! >= r.createdAt, r.title).toBe(true);
		const talks = await database.db
			.select()
			.from(dialogues)
			.where(eq(dialogues.tenantId, emmerich.id));
		for (const d of talks) expect(d.createdAt < d.startsAt, d.title).toBe(true);
	});

	it('has the 16 guidelines of the seed and the first guideline’s questions on the AG Sprache', async () => {
		const [edition] = await database.db
			.select()
			.from(conceptEditions)
			.where(eq(conceptEditions.tenantId, emmerich.id));
		const guidelines = await database.db
			.select()
			.from(conceptGuidelines)
			.where(eq(conceptGuidelines.editionId, edition.id))
			.orderBy(asc(conceptGuidelines.position));
		expect(guidelines.map((g) => g.title)).toEqual(GUIDELINES_001.map(([t]) => t));
		expect(guidelines).toHaveLength(16);
		const ag = await bodyNamed('AG Sprache');
		const questions = await guidingQuestionsForBody(database.db, emmerich.id, ag.id);
		expect(questions.map((q) => q.question)).toEqual(QUESTIONS_001);
	});

	it('measures integration with demo indicator values up to last year', async () => {
		const values = await database.db
			.select()
			.from(indicatorValues)
			.where(eq(indicatorValues.tenantId, emmerich.id));
		expect(values.length).toBeGreaterThanOrEqual(3 * 5);
		for (const v of values) {
			expect(v.isDemo).toBe(true);
			expect(v.date < today).toBe(true);
		}
	});

	it('records the six-month thematic exchange with phases and contributions', async () => {
		const [process] = await database.db
			.select()
			.from(consultationProcesses)
			.where(
				and(
					eq(consultationProcesses.tenantId, emmerich.id),
					eq(consultationProcesses.title, EMMERICH_EXCHANGE_TITLE)
				)
			);
		const phases = await database.db
			.select()
			.from(processPhases)
			.where(eq(processPhases.processId, process.id));
		const collecting = phases.find((p) => p.kind === 'collecting')!;
		expect(collecting).toMatchObject({ startsOn: '2016-12-01', endsOn: '2017-05-31' });
		const cards = await database.db
			.select()
			.from(contributions)
			.where(eq(contributions.processId, process.id));
		expect(cards.length).toBeGreaterThanOrEqual(5);
		for (const c of cards) {
			expect(c.createdAt.getTime()).toBeGreaterThanOrEqual(new Date('2016-11-30').getTime());
			expect(c.createdAt.getTime()).toBeLessThanOrEqual(new Date('2017-06-01').getTime());
		}
	});

	it('lists public offers, each with a way to get in touch of its own', async () => {
		const scope = (await scopeAt(database.db, 'emmerich'))!;
		const result = await searchOffers(
			database.db,
			scope,
			parseFinderQuery(new URLSearchParams()),
			'de'
		);
		const titles = result.items.map((i) => i.title.text);
		expect(titles).toEqual(
			expect.arrayContaining([
				'Deutschkurs mit Kinderbetreuung',
				'Sprachcafé im Ankommenstreffpunkt',
				'Migrationsberatung für Erwachsene'
			])
		);
		const contacts = await publicOfferContacts(
			database.db,
			scope,
			result.items.map((i) => i.id)
		);
		for (const item of result.items) {
			const c = contacts.get(item.id)!;
			expect(c, item.title.text).toBeDefined();
			expect(c.email, item.title.text).toMatch(/@.*\.example$/);
		}
	});

	it('publishes the news that spread the results on the public news page, newest first', async () => {
		expect(EMMERICH_NEWS.length).toBeGreaterThanOrEqual(3);
		expect(EMMERICH_NEWS.some((n) => n.title.includes('Ergebnisse'))).toBe(true);
		for (const n of EMMERICH_NEWS) expect(n.paragraphs.length).toBeGreaterThan(0);
		const ctx = testTenantCtx(database.db, emmerich);
		const { items } = await listPublicNews(ctx, { size: 20 });
		expect(items.map((i) => i.title)).toEqual(
			[...EMMERICH_NEWS].sort((a, b) => b.date.localeCompare(a.date)).map((n) => n.title)
		);
	});
});
