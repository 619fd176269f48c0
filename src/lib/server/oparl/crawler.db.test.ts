/**
 * Walks the whole OParl interface of the demo network from the System object, following every
 * URL that points into the interface and every list page, and checks every object against the
 * OParl 1.1 schemas and that no link is broken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { seedDemo } from './../demo/seed';
import { tenants } from '../tenants/schema';
import { users } from '../auth/schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import { bodies } from '../bodies/schema';
import { consultations, paperFiles, papers } from '../papers/schema';
import { personPublications } from './schema';
import { buildAgendaItem, buildBody, buildMeeting, buildMembership } from '../factories';
import { handleOParl } from './handler';
import { publicMinutesAt } from '../minutes/testing';
import { typeOf, validateOParl } from './fixtures/validator';
import { OPARL_TYPES } from './urls';

const ORIGIN = 'http://localhost:3000';
const BASE = `${ORIGIN}/oparl/v1.1/`;

let database: Database;

beforeAll(async () => {
	database = await createTestDb();
	const db = database.db;
	await seedDemo(db);
	// The demo may not yet hold bodies, meetings and papers; give Landshut a public working
	// group with a meeting, agenda, files, a paper and a person who consented, so that every
	// type of the interface is walked (whatever the demo adds is walked as well).
	const [landshut] = await db.select().from(tenants).where(eq(tenants.slug, 'landshut'));
	const [member] = await db
		.select()
		.from(users)
		.where(eq(users.email, 'mitglied@landshut.example'));
	const body = await buildBody(db, landshut.id, {
		visibility: 'public',
		name: 'Arbeitskreis Sprache (Crawler)',
		shortName: 'AK Sprache'
	});
	await buildMembership(db, body, member.id, 'speaker');
	await db.insert(personPublications).values({
		tenantId: landshut.id,
		userId: member.id,
		consentedAt: new Date(),
		consentTextVersion: '1'
	});
	const meeting = await buildMeeting(db, body, { minutesState: 'published', state: 'held' });
	const item = await buildAgendaItem(db, meeting, 1, { decision: 'Beschlossen.' });
	await buildAgendaItem(db, meeting, 2);
	const content = Buffer.from('%PDF-1.4 demo');
	const file = (where: object) =>
		db
			.insert(files)
			.values({
				tenantId: landshut.id,
				...where,
				fileName: 'Protokoll.pdf',
				mediaType: 'application/pdf',
				size: content.byteLength,
				sha256: createHash('sha256').update(content).digest('hex'),
				content,
				isPublic: true
			})
			.returning()
			.then((r) => r[0]);
	await file({ meetingId: meeting.id });
	await file({ meetingId: meeting.id, agendaItemId: item.id });
	const [paper] = await db
		.insert(papers)
		.values({
			tenantId: landshut.id,
			number: 1,
			year: 2025,
			reference: '1/2025',
			type: 'report',
			title: 'Sachstandsbericht',
			date: '2025-06-30',
			originatingBodyId: body.id,
			visibility: 'public',
			// drafts are not public
			state: 'submitted'
		})
		.returning();
	await db.insert(consultations).values({
		tenantId: landshut.id,
		paperId: paper.id,
		meetingId: meeting.id,
		agendaItemId: item.id,
		bodyId: body.id,
		role: 'information'
	});
	const paperFile = await file({});
	await db
		.insert(paperFiles)
		.values({ tenantId: landshut.id, paperId: paper.id, fileId: paperFile.id });
});
afterAll(() => database?.close());

describe('the decisions of the demo steering group', () => {
	it('are Consultations of the public papers, reachable from paper and agenda item, with the result', async () => {
		const db = database.db;
		const [gifhorn] = await db.select().from(tenants).where(eq(tenants.slug, 'landkreis-gifhorn'));
		const [steering] = await db
			.select()
			.from(bodies)
			.where(and(eq(bodies.tenantId, gifhorn.id), eq(bodies.kind, 'steering_group')));
		// the group's decisions: its consultations on an agenda item, with their paper's visibility
		const rows = await db
			.select()
			.from(consultations)
			.where(and(eq(consultations.bodyId, steering.id), isNotNull(consultations.agendaItemId)));
		const paperIds = rows.map((r) => r.paperId);
		const decided = await db.select().from(papers).where(inArray(papers.id, paperIds));
		const visibility = new Map(decided.map((p) => [p.id, p.visibility]));
		const get = async (url: string) => {
			const res = await handleOParl(db, new URL(url));
			expect(res.status, url).toBe(200);
			return JSON.parse(res.body as string);
		};
		/** every object of a list, over all its pages */
		const all = async (first: string) => {
			const out: { id: string }[] = [];
			for (let url: string | undefined = first; url;) {
				const page = await get(url);
				out.push(...page.data);
				url = page.links.next;
			}
			return out;
		};
		const listed = await all(`${BASE}organization/${steering.id}/consultation`);
		const publicRows = rows.filter((r) => visibility.get(r.paperId) === 'public');
		const internalRows = rows.filter((r) => visibility.get(r.paperId) !== 'public');
		// the demo has decisions on public and on network-only papers
		expect(publicRows.length).toBeGreaterThan(0);
		expect(internalRows.length).toBeGreaterThan(0);
		expect(listed.map((c) => c.id).sort()).toEqual(
			publicRows.map((r) => `${BASE}consultation/${r.id}`).sort()
		);
		for (const r of internalRows) {
			const hidden = await get(`${BASE}consultation/${r.id}`);
			expect(hidden, 'a network-only paper stays out').toMatchObject({ deleted: true });
			expect(hidden.paper).toBeUndefined();
		}
		for (const r of publicRows) {
			const c = await get(`${BASE}consultation/${r.id}`);
			expect(validateOParl(c, 'Consultation')).toEqual([]);
			expect(c).toMatchObject({
				paper: `${BASE}paper/${r.paperId}`,
				agendaItem: `${BASE}agendaItem/${r.agendaItemId}`,
				meeting: `${BASE}meeting/${r.meetingId}`,
				organization: [`${BASE}organization/${steering.id}`]
			});
			expect(typeof c.authoritative).toBe('boolean');
			expect(c.role).toBeTruthy();
			// from the paper …
			const paper = await get(c.paper);
			expect(paper.consultation.map((x: { id: string }) => x.id)).toContain(c.id);
			// … and from the agenda item of the meeting, with the decision once the minutes are out
			const [itemRow] = await db
				.select()
				.from(agendaItems)
				.where(eq(agendaItems.id, r.agendaItemId!));
			expect(itemRow.isPublic).toBe(true);
			const item = await get(c.agendaItem);
			expect(validateOParl(item, 'AgendaItem')).toEqual([]);
			expect(item.consultation).toBe(c.id);
			const [meetingRow] = await db.select().from(meetings).where(eq(meetings.id, r.meetingId));
			expect(meetingRow.minutesState).toBe('published');
			expect(item.result).toBeTruthy();
			expect(item.resolutionText).toBeTruthy();
			const meeting = await get(c.meeting);
			expect(meeting.agendaItem.map((i: { id: string }) => i.id)).toContain(c.agendaItem);
		}
		// what a network-only paper said is nowhere in the steering group's public meetings
		const meetingTexts = JSON.stringify(await all(`${BASE}organization/${steering.id}/meeting`));
		for (const r of internalRows) {
			expect(meetingTexts).not.toContain(r.agendaItemId!);
			expect(meetingTexts).not.toContain(r.paperId);
		}
	}, 60_000);
});

function urlsIn(value: unknown, out: Set<string>) {
	if (typeof value === 'string') {
		if (value.startsWith(BASE)) out.add(value);
	} else if (Array.isArray(value)) value.forEach((v) => urlsIn(v, out));
	else if (value && typeof value === 'object') Object.values(value).forEach((v) => urlsIn(v, out));
	return out;
}

function objectsIn(value: unknown, at: string, out: { at: string; obj: object }[] = []) {
	if (Array.isArray(value)) value.forEach((v, i) => objectsIn(v, `${at}[${i}]`, out));
	else if (value && typeof value === 'object') {
		if (typeOf(value)) out.push({ at, obj: value });
		for (const [k, v] of Object.entries(value)) objectsIn(v, `${at}.${k}`, out);
	}
	return out;
}

describe('crawling the demo network', () => {
	it('reaches every object from the System, every object validates, no link is broken', async () => {
		const db = database.db;
		const seen = new Set<string>();
		const queue = [`${BASE}system`];
		const types = new Map<string, number>();
		const problems: string[] = [];
		/** accessUrls outside the interface: the public minutes PDFs */
		const protocols = new Set<string>();
		let pages = 0;
		while (queue.length > 0) {
			const url = queue.shift()!;
			if (seen.has(url)) continue;
			seen.add(url);
			expect(seen.size, 'the crawl ends').toBeLessThan(5000);
			// small pages, so that the crawl follows pagination too
			const res = await handleOParl(db, new URL(url), { pageSize: 3 });
			if (res.status !== 200) {
				problems.push(`${res.status} ${url}`);
				continue;
			}
			if (res.headers['Access-Control-Allow-Origin'] !== '*') problems.push(`no CORS: ${url}`);
			if (/\/file\/[^/]+\/(access|download)$/.test(url)) {
				if (!(res.body instanceof Uint8Array) || res.body.byteLength === 0)
					problems.push(`empty file: ${url}`);
				continue;
			}
			const json = JSON.parse(res.body as string);
			if ('data' in json) {
				pages++;
				if (!Array.isArray(json.data) || !json.pagination || !json.links)
					problems.push(`not a list page: ${url}`);
				const { currentPage, totalPages } = json.pagination;
				if (currentPage < totalPages && !json.links.next) problems.push(`no next: ${url}`);
				if (currentPage >= totalPages && json.links.next) problems.push(`next on last: ${url}`);
			} else if (!typeOf(json)) {
				problems.push(`neither list nor object: ${url}`);
			} else if (json.id !== url.split('?')[0]) {
				problems.push(`id ${json.id} differs from ${url}`);
			}
			for (const { at, obj } of objectsIn(json, url)) {
				for (const e of validateOParl(obj)) problems.push(`${at}: ${e}`);
				const type = typeOf(obj)!;
				types.set(type, (types.get(type) ?? 0) + 1);
				const access = (obj as { accessUrl?: string }).accessUrl;
				if (type === 'File' && access && !access.startsWith(BASE)) protocols.add(access);
			}
			for (const next of urlsIn(json, new Set())) if (!seen.has(next)) queue.push(next);
		}
		// every File outside the interface is the public PDF of published minutes, and is served
		expect(protocols.size).toBeGreaterThan(0);
		for (const access of protocols) {
			const m = /^http:\/\/localhost:3000\/([^/]+)\/sitzungen\/([^/]+)\/protokoll\.pdf$/.exec(
				access
			);
			if (!m) problems.push(`unexpected accessUrl ${access}`);
			else
				await publicMinutesAt(db, m[1], m[2]).catch(() =>
					problems.push(`no public minutes at ${access}`)
				);
		}
		expect(problems).toEqual([]);
		expect(pages).toBeGreaterThan(10);
		// every type the interface serves but LegislativeTerm (the demo has none)
		for (const type of OPARL_TYPES.filter((t) => t !== 'LegislativeTerm')) {
			expect(types.get(type) ?? 0, type).toBeGreaterThan(0);
		}
		// every public tenant of the demo is a Body
		const publicTenants = await db.select().from(tenants).where(eq(tenants.isPublic, true));
		for (const t of publicTenants) expect(seen.has(`${BASE}body/${t.id}`), t.slug).toBe(true);
		// the whole demo, hundreds of requests: more than the default 20 s on a busy machine
	}, 120_000);
});
