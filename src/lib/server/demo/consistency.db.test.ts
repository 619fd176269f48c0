/**
 * The demo data reads as a real office's records on the day it is seeded: nothing is answered
 * before it was sent, nothing that should be past lies in the future, and the bodies meet as the
 * seeds describe them (shared/seeds 002 Gifhorn, 003 Laatzen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { tenants, type Tenant } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';

let database: Database;
let bySlug: Record<string, Tenant>;

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	const all = await database.db.select().from(tenants);
	bySlug = Object.fromEntries(all.map((t) => [t.slug, t]));
});
afterAll(() => database?.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	return rowsOf<T>(await database.db.execute(query));
}

/** Timestamps that may lie ahead: appointments, validity and scheduling, never records of acts. */
const MAY_BE_FUTURE = ['starts_at', 'ends_at', 'expires_at', 'run_at', 'blocked_until'];

describe('demo data in time', () => {
	it('records no act in the future (every *_at column that is not an appointment is at most now)', async () => {
		const columns = await rows<{ table_name: string; column_name: string }>(
			sql`select table_name, column_name from information_schema.columns
				where table_schema = current_schema() and data_type like 'timestamp%'`
		);
		expect(columns.length).toBeGreaterThan(20);
		const future: string[] = [];
		for (const c of columns) {
			if (MAY_BE_FUTURE.includes(c.column_name)) continue;
			const [r] = await rows<{ n: number }>(
				sql.raw(`select count(*)::int as n from "${c.table_name}" where "${c.column_name}" > now()`)
			);
			if (r.n > 0) future.push(`${c.table_name}.${c.column_name} (${r.n})`);
		}
		expect(future).toEqual([]);
	});

	it('answers no invitation before it was sent', async () => {
		const answers = await rows<{ responded_at: Date; created_at: Date; invited_at: Date | null }>(
			sql`select i.responded_at, i.created_at, m.invited_at
				from meeting_invitations i join meetings m on m.id = i.meeting_id
				where i.responded_at is not null`
		);
		expect(answers.length).toBeGreaterThan(0);
		for (const a of answers) {
			expect(a.invited_at).not.toBeNull();
			expect(new Date(a.responded_at).getTime()).toBeGreaterThanOrEqual(
				new Date(a.invited_at!).getTime()
			);
			expect(new Date(a.responded_at).getTime()).toBeGreaterThanOrEqual(
				new Date(a.created_at).getTime()
			);
		}
		const [unsent] = await rows<{ n: number }>(
			sql`select count(*)::int as n from meeting_invitations i join meetings m on m.id = i.meeting_id
				where m.invited_at is null or i.created_at < m.invited_at`
		);
		expect(unsent.n).toBe(0);
	});

	it('invites, holds and minutes meetings in order', async () => {
		const all = await rows<{
			state: string;
			starts_at: Date;
			ends_at: Date;
			created_at: Date;
			invited_at: Date | null;
			minutes_state: string;
			minutes_shared_at: Date | null;
			minutes_approved_at: Date | null;
			minutes_published_at: Date | null;
		}>(sql`select * from meetings`);
		const t = (d: Date | null) => (d === null ? null : new Date(d).getTime());
		const now = Date.now();
		for (const m of all) {
			if (m.invited_at) {
				expect(t(m.invited_at)!).toBeLessThanOrEqual(t(m.starts_at)!);
				expect(t(m.created_at)!).toBeLessThanOrEqual(t(m.invited_at)!);
			}
			if (m.state === 'held' || m.minutes_state !== 'none')
				expect(t(m.starts_at)!).toBeLessThan(now);
			if (m.state === 'planned' || m.state === 'invited')
				expect(t(m.starts_at)!).toBeGreaterThan(now);
			const steps = [m.minutes_shared_at, m.minutes_approved_at, m.minutes_published_at];
			let last = t(m.ends_at)!;
			for (const s of steps) {
				if (s === null) continue;
				expect(t(s)!).toBeGreaterThanOrEqual(last);
				last = t(s)!;
			}
		}
	});

	it('creates action items at or after their meeting and completes them after they were given', async () => {
		const items = await rows<{ created_at: Date; completed_at: Date | null; starts_at: Date }>(
			sql`select a.created_at, a.completed_at, m.starts_at
				from action_items a join meetings m on m.id = a.meeting_id`
		);
		expect(items.length).toBeGreaterThan(0);
		for (const a of items) {
			expect(new Date(a.created_at).getTime()).toBeGreaterThanOrEqual(
				new Date(a.starts_at).getTime()
			);
			if (a.completed_at)
				expect(new Date(a.completed_at).getTime()).toBeGreaterThanOrEqual(
					new Date(a.created_at).getTime()
				);
		}
	});

	it('decides papers in their meeting, after they were submitted', async () => {
		const decided = await rows<{ decided_at: Date; starts_at: Date; submitted_at: Date | null }>(
			sql`select c.decided_at, m.starts_at, p.submitted_at
				from consultations c join meetings m on m.id = c.meeting_id join papers p on p.id = c.paper_id
				where c.decided_at is not null`
		);
		expect(decided.length).toBeGreaterThan(0);
		for (const c of decided) {
			expect(new Date(c.decided_at).getTime()).toBeGreaterThanOrEqual(
				new Date(c.starts_at).getTime()
			);
			expect(c.submitted_at).not.toBeNull();
			expect(new Date(c.submitted_at!).getTime()).toBeLessThanOrEqual(
				new Date(c.decided_at).getTime()
			);
		}
	});
});

describe('Gifhorn (seed 002): the bodies meet as the seed describes', () => {
	async function meetingsOf(kind: 'steering_group' | 'working_group') {
		const g = bySlug['landkreis-gifhorn'];
		const list = await database.db
			.select({ body: bodies.name, startsAt: meetings.startsAt, state: meetings.state })
			.from(meetings)
			.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
			.where(and(eq(bodies.tenantId, g.id), eq(bodies.kind, kind)));
		const byBody: Record<string, { startsAt: Date; state: string }[]> = {};
		for (const m of list) (byBody[m.body] ??= []).push(m);
		for (const ms of Object.values(byBody))
			ms.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
		return byBody;
	}
	const gapsInDays = (ms: { startsAt: Date }[]) =>
		ms.slice(1).map((m, i) => (m.startsAt.getTime() - ms[i].startsAt.getTime()) / 86_400_000);
	const now = () => Date.now();

	it('the Steuerungsgruppe meets twice a year, never more, with the next meeting planned', async () => {
		const byBody = await meetingsOf('steering_group');
		expect(Object.keys(byBody)).toEqual(['Steuerungsgruppe Integration']);
		const ms = byBody['Steuerungsgruppe Integration'];
		const perYear: Record<number, number> = {};
		for (const m of ms) {
			const y = m.startsAt.getUTCFullYear();
			perYear[y] = (perYear[y] ?? 0) + 1;
		}
		for (const n of Object.values(perYear)) expect(n).toBeLessThanOrEqual(2);
		for (const gap of gapsInDays(ms)) {
			expect(gap).toBeGreaterThan(150);
			expect(gap).toBeLessThan(215);
		}
		expect(ms.filter((m) => m.state === 'held').length).toBeGreaterThanOrEqual(4);
		expect(ms.some((m) => m.startsAt.getTime() > now() && m.state !== 'held')).toBe(true);
	});

	it('each of the four Arbeitskreise meets quarterly, with its next meeting planned', async () => {
		const byBody = await meetingsOf('working_group');
		expect(Object.keys(byBody).sort()).toEqual([
			'Arbeitskreis Bildung',
			'Arbeitskreis Familienleben',
			'Arbeitskreis Integration in Ausbildung und Arbeit',
			'Arbeitskreis gesellschaftliche Teilhabe'
		]);
		for (const ms of Object.values(byBody)) {
			expect(ms.filter((m) => m.state === 'held').length).toBeGreaterThanOrEqual(2);
			const future = ms.filter((m) => m.startsAt.getTime() > now());
			expect(future.length).toBeGreaterThanOrEqual(1);
			// the next meeting is due within about a quarter, not left unplanned for months
			expect(future[0].startsAt.getTime() - now()).toBeLessThan(100 * 86_400_000);
			for (const gap of gapsInDays(ms)) {
				expect(gap).toBeGreaterThan(75);
				expect(gap).toBeLessThan(105);
			}
		}
	});
});

describe('Laatzen (seed 003): actors, offers, Thesenpapier and the Mitteilung taken note of', () => {
	it('has the actors the seed names, each public offer with a contact', async () => {
		const l = bySlug.laatzen;
		const orgs = await rows<{ name: string }>(
			sql`select name from organizations where tenant_id = ${l.id}`
		);
		const names = orgs.map((o) => o.name);
		expect(names).toContain('Stadtteilbüro „Laatzen-Mitte wird top“');
		expect(names.some((n) => n.includes('Team für Kinder, Jugend, Familie, Senioren'))).toBe(true);
		const offers = await rows<{ title: string; email: string | null; phone: string | null }>(
			sql`select t.title, c.email, c.phone from offers o
				join offer_texts t on t.offer_id = o.id and t.locale = 'de'
				join contacts c on c.id = o.contact_id
				where o.tenant_id = ${l.id} and o.status = 'published'`
		);
		expect(offers.length).toBeGreaterThanOrEqual(3);
		for (const o of offers) expect(Boolean(o.email || o.phone), o.title).toBe(true);
	});

	it('files the Thesenpapier as the Anlage of Mitteilung 144/2009', async () => {
		const l = bySlug.laatzen;
		const [anlage] = await rows<{ title: string; parent: string; visibility: string }>(
			sql`select p.title, parent.reference as parent, p.visibility from papers p
				join paper_relations r on r.child_paper_id = p.id
				join papers parent on parent.id = r.parent_paper_id
				where p.tenant_id = ${l.id} and p.title like 'Thesenpapier%'`
		);
		expect(anlage).toMatchObject({ parent: '144/2009', visibility: 'public' });
	});

	it('has the council take note of Mitteilung 144/2009 in a meeting (no longer "eingereicht")', async () => {
		const l = bySlug.laatzen;
		const found = await rows<{
			state: string;
			result: string;
			result_text: string | null;
			body: string;
			agenda_item_id: string | null;
			meeting_state: string;
		}>(
			sql`select p.state, c.result, c.result_text, b.name as body, c.agenda_item_id,
					m.state as meeting_state
				from papers p join consultations c on c.paper_id = p.id
				join meetings m on m.id = c.meeting_id join bodies b on b.id = c.body_id
				where p.tenant_id = ${l.id} and p.reference = '144/2009'`
		);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({
			state: 'noted',
			result: 'noted',
			body: 'Rat der Stadt Laatzen',
			meeting_state: 'held'
		});
		expect(found[0].agenda_item_id).not.toBeNull();
		expect(found[0].result_text).toContain('zur Kenntnis');
	});
});

describe('demo texts', () => {
	it('carry no seed numbers such as "(003)": the seeds are our sources, not the readers’', async () => {
		const columns = await rows<{ table_name: string; column_name: string }>(
			sql`select table_name, column_name from information_schema.columns
				where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb')`
		);
		expect(columns.length).toBeGreaterThan(50);
		const found: string[] = [];
		for (const c of columns) {
			const [r] = await rows<{ n: number }>(
				sql.raw(
					`select count(*)::int as n from "${c.table_name}" where "${c.column_name}"::text ~ '\\(00[0-4]\\)'`
				)
			);
			if (r.n > 0) found.push(`${c.table_name}.${c.column_name} (${r.n})`);
		}
		expect(found).toEqual([]);
	});
});
