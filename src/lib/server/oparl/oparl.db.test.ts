import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import {
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildTenant,
	buildUser
} from '../factories';
import { files } from '../meetings/schema';
import { bodies } from '../bodies/schema';
import { consultations, papers, paperFiles } from '../papers/schema';
import { personPublications } from './schema';
import { handleOParl } from './handler';
import { recordOParlDeletion, recordOParlMeetingDeletion } from './deletion';
import { protocolFileId } from './urls';
import { publicMinutesDocument } from '../minutes/print';
import { NotFoundError } from '../errors';
import { meetings } from '../meetings/schema';
import { typeOf, validateOParl } from './fixtures/validator';

const ORIGIN = 'https://oparl.example.org';
const B = `${ORIGIN}/oparl/v1.1`;

let database: Database;
let db: Db;

async function get(path: string, options: Parameters<typeof handleOParl>[2] = {}) {
	const res = await handleOParl(db, new URL(path.startsWith('http') ? path : B + path), options);
	const json =
		typeof res.body === 'string' && res.headers['Content-Type']?.startsWith('application/json')
			? JSON.parse(res.body)
			: null;
	return { ...res, json };
}

/** Every object in a response, embedded ones included (with the property path). */
function objectsIn(
	value: unknown,
	at = '$',
	out: { at: string; obj: Record<string, unknown> }[] = []
) {
	if (Array.isArray(value)) value.forEach((v, i) => objectsIn(v, `${at}[${i}]`, out));
	else if (value && typeof value === 'object') {
		const obj = value as Record<string, unknown>;
		if (typeof obj.type === 'string' && typeOf(obj)) out.push({ at, obj });
		for (const [k, v] of Object.entries(obj)) objectsIn(v, `${at}.${k}`, out);
	}
	return out;
}

function expectValid(value: unknown) {
	const found = objectsIn(value);
	expect(found.length).toBeGreaterThan(0);
	for (const { at, obj } of found) expect(validateOParl(obj), at).toEqual([]);
}

async function file(
	tenantId: string,
	where: { meetingId?: string; agendaItemId?: string },
	isPublic: boolean,
	name = 'Einladung.pdf'
) {
	const content = Buffer.from(`%PDF-1.4 ${name}`);
	const [row] = await db
		.insert(files)
		.values({
			tenantId,
			...where,
			fileName: name,
			mediaType: 'application/pdf',
			size: content.byteLength,
			sha256: createHash('sha256').update(content).digest('hex'),
			content,
			isPublic
		})
		.returning();
	return row;
}

async function consent(tenantId: string, userId: string, withdrawn = false) {
	await db.insert(personPublications).values({
		tenantId,
		userId,
		consentedAt: new Date(),
		consentTextVersion: '1',
		withdrawnAt: withdrawn ? new Date() : null
	});
}

let s: Awaited<ReturnType<typeof scenario>>;

async function scenario() {
	const tenant = await buildTenant(db, { ags: '09261000', name: 'Stadt Beispiel' });
	const hidden = await buildTenant(db, { isPublic: false });
	const pub = await buildBody(db, tenant.id, { visibility: 'public', shortName: 'AK Bildung' });
	const net = await buildBody(db, tenant.id, { visibility: 'network' });
	const mem = await buildBody(db, tenant.id, { visibility: 'members', kind: 'steering_group' });
	const hiddenBody = await buildBody(db, hidden.id, { visibility: 'public' });
	const alice = await buildUser(db, { name: 'Alice Öffentlich' });
	const bob = await buildUser(db, { name: 'Bob Ohne Einwilligung' });
	const carol = await buildUser(db, { name: 'Carol Widerrufen' });
	await consent(tenant.id, alice.id);
	await consent(tenant.id, carol.id, true);
	const aliceInPub = await buildMembership(db, pub, alice.id, 'speaker');
	const aliceInNet = await buildMembership(db, net, alice.id);
	const bobInPub = await buildMembership(db, pub, bob.id);
	const carolInPub = await buildMembership(db, pub, carol.id);

	const m1 = await buildMeeting(db, pub, { minutesState: 'published', state: 'held' });
	const item1 = await buildAgendaItem(db, m1, 1, { decision: 'Einstimmig beschlossen.' });
	const item2 = await buildAgendaItem(db, m1, 2, { isPublic: false, title: 'Personalien' });
	const item3 = await buildAgendaItem(db, m1, 3);
	const m2 = await buildMeeting(db, pub, { state: 'cancelled', location: null });
	const mNet = await buildMeeting(db, net);
	const netItem = await buildAgendaItem(db, mNet, 1);
	const f1 = await file(tenant.id, { meetingId: m1.id }, true, 'Einladung.pdf');
	const f2 = await file(tenant.id, { meetingId: m1.id }, false, 'Intern.pdf');
	const f3 = await file(tenant.id, { meetingId: m1.id, agendaItemId: item1.id }, true, 'TOP 1.pdf');
	const f4 = await file(tenant.id, { meetingId: mNet.id }, true, 'Netz.pdf');
	const f5 = await file(tenant.id, { meetingId: m1.id, agendaItemId: item2.id }, true, 'TOP2.pdf');

	const [p1] = await db
		.insert(papers)
		.values({
			tenantId: tenant.id,
			number: 1,
			year: 2025,
			reference: '1/2025',
			type: 'resolution_proposal',
			title: 'Sprachkurse ausbauen',
			date: '2025-03-01',
			originatingBodyId: pub.id,
			addressedBodyId: mem.id,
			visibility: 'public',
			state: 'scheduled'
		})
		.returning();
	const [p2] = await db
		.insert(papers)
		.values({
			tenantId: tenant.id,
			number: 2,
			year: 2025,
			reference: '2/2025',
			type: 'notice',
			title: 'Interne Mitteilung',
			date: '2025-03-02',
			visibility: 'network'
		})
		.returning();
	const [c1] = await db
		.insert(consultations)
		.values({
			tenantId: tenant.id,
			paperId: p1.id,
			meetingId: m1.id,
			agendaItemId: item3.id,
			bodyId: pub.id,
			role: 'decision',
			result: 'decided'
		})
		.returning();
	const [cNet] = await db
		.insert(consultations)
		.values({
			tenantId: tenant.id,
			paperId: p1.id,
			meetingId: mNet.id,
			bodyId: net.id,
			role: 'preliminary'
		})
		.returning();
	const fp = await file(tenant.id, {}, true, 'Vorlage.pdf');
	const fp2 = await file(tenant.id, {}, true, 'Interne Anlage.pdf');
	await db.insert(paperFiles).values([
		{ tenantId: tenant.id, paperId: p1.id, fileId: fp.id },
		{ tenantId: tenant.id, paperId: p2.id, fileId: fp2.id }
	]);

	return {
		tenant,
		hidden,
		pub,
		net,
		mem,
		hiddenBody,
		alice,
		bob,
		carol,
		aliceInPub,
		aliceInNet,
		bobInPub,
		carolInPub,
		m1,
		m2,
		mNet,
		item1,
		item2,
		item3,
		netItem,
		f1,
		f2,
		f3,
		f4,
		f5,
		fp,
		fp2,
		p1,
		p2,
		c1,
		cNet
	};
}

beforeAll(async () => {
	database = await createTestDb();
	db = database.db;
	s = await scenario();
});
afterAll(() => database?.close());

const LISTS = [
	'organization',
	'person',
	'meeting',
	'paper',
	'agendaItem',
	'consultation',
	'file',
	'location',
	'legislativeTerm',
	'membership'
];

/** All pages of a list, following `next`. */
async function walk(first: string, options: Parameters<typeof handleOParl>[2] = {}) {
	const pages = [];
	let next: string | undefined = first;
	while (next) {
		const res = await get(next, options);
		expect(res.status, next).toBe(200);
		pages.push(res.json);
		next = res.json.links.next;
		expect(pages.length).toBeLessThan(100);
	}
	return pages;
}

describe('System and Body', () => {
	it('serves the System with the body list, valid and with CORS and JSON headers', async () => {
		const res = await get('/system');
		expect(res.status).toBe(200);
		expect(res.headers['Content-Type']).toBe('application/json; charset=utf-8');
		expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
		expect(res.json).toMatchObject({
			id: `${B}/system`,
			type: 'https://schema.oparl.org/1.1/System',
			oparlVersion: 'https://schema.oparl.org/1.1/',
			body: `${B}/body`
		});
		expect(validateOParl(res.json, 'System')).toEqual([]);
	});

	it('lists public tenants as Bodies with AGS, never a hidden tenant', async () => {
		const res = await get('/body');
		expectValid(res.json);
		const ids = res.json.data.map((b: { id: string }) => b.id);
		expect(ids).toContain(`${B}/body/${s.tenant.id}`);
		expect(ids).not.toContain(`${B}/body/${s.hidden.id}`);
		const body = res.json.data.find((b: { id: string }) => b.id === `${B}/body/${s.tenant.id}`);
		expect(body).toMatchObject({
			ags: '09261000',
			name: 'Stadt Beispiel',
			organization: `${B}/body/${s.tenant.id}/organization`,
			legislativeTerm: [],
			locationList: `${B}/body/${s.tenant.id}/location`,
			web: `${ORIGIN}/${s.tenant.slug}`
		});
	});

	it('answers a hidden tenant as deleted Body, and its lists with 404', async () => {
		const one = await get(`/body/${s.hidden.id}`);
		expect(one.status).toBe(200);
		expect(one.json).toMatchObject({ deleted: true, id: `${B}/body/${s.hidden.id}` });
		expect(Object.keys(one.json).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
		expect(validateOParl(one.json)).toEqual([]);
		const listed = await get(`/body/${s.hidden.id}/organization`);
		expect(listed.status).toBe(404);
		const org = await get(`/organization/${s.hiddenBody.id}`);
		expect(org.json.deleted).toBe(true);
		expect(org.json.name).toBeUndefined();
	});
});

describe('every list of a Body', () => {
	it.each(LISTS)('%s: every object (embedded too) validates against the schema', async (list) => {
		const res = await get(`/body/${s.tenant.id}/${list}`);
		expect(res.status).toBe(200);
		expect(res.json).toHaveProperty('data');
		expect(res.json).toHaveProperty('pagination');
		expect(res.json).toHaveProperty('links');
		for (const { at, obj } of objectsIn(res.json.data)) {
			expect(validateOParl(obj), `${list} ${at}`).toEqual([]);
		}
		if (list !== 'legislativeTerm') expect(res.json.data.length).toBeGreaterThan(0);
	});

	it('serves only public objects: nothing of hidden bodies, non-consenting persons, non-public items and files', async () => {
		const texts: string[] = [];
		for (const list of LISTS) {
			for (const page of await walk(`/body/${s.tenant.id}/${list}`))
				texts.push(JSON.stringify(page));
		}
		const all = texts.join('\n');
		for (const [what, id] of Object.entries({
			net: s.net.id,
			mem: s.mem.id,
			bob: s.bob.id,
			carol: s.carol.id,
			aliceInNet: s.aliceInNet.id,
			bobInPub: s.bobInPub.id,
			carolInPub: s.carolInPub.id,
			item2: s.item2.id,
			mNet: s.mNet.id,
			netItem: s.netItem.id,
			f2: s.f2.id,
			f4: s.f4.id,
			f5: s.f5.id,
			fp2: s.fp2.id,
			p2: s.p2.id,
			cNet: s.cNet.id
		})) {
			expect(all.includes(id), what).toBe(false);
		}
		expect(all).not.toContain('Personalien');
		expect(all).not.toContain(s.bob.email);
		expect(all).not.toContain(s.alice.email);
		for (const [what, id] of Object.entries({
			pub: s.pub.id,
			alice: s.alice.id,
			aliceInPub: s.aliceInPub.id,
			m1: s.m1.id,
			m2: s.m2.id,
			item1: s.item1.id,
			item3: s.item3.id,
			f1: s.f1.id,
			f3: s.f3.id,
			fp: s.fp.id,
			p1: s.p1.id,
			c1: s.c1.id
		})) {
			expect(all.includes(id), what).toBe(true);
		}
	});

	it('maps a meeting: embedded location and public agenda items in order, files, cancelled', async () => {
		const res = await get(`/meeting/${s.m1.id}`);
		expect(res.status).toBe(200);
		expectValid(res.json);
		const m = res.json;
		expect(m.organization).toEqual([`${B}/organization/${s.pub.id}`]);
		expect(m.location).toMatchObject({
			id: `${B}/location/${s.m1.id}`,
			description: 'Rathaus, Raum 1'
		});
		expect(m.agendaItem.map((i: { id: string }) => i.id)).toEqual([
			`${B}/agendaItem/${s.item1.id}`,
			`${B}/agendaItem/${s.item3.id}`
		]);
		expect(m.agendaItem.map((i: { order: number }) => i.order)).toEqual([0, 1]);
		// the TOP numbers of the agenda, not renumbered around the non-public TOP 2
		expect(m.agendaItem.map((i: { number: string }) => i.number)).toEqual(['1', '3']);
		expect(m.agendaItem[0]).toMatchObject({
			number: '1',
			resolutionText: 'Einstimmig beschlossen.',
			public: true
		});
		expect(m.agendaItem[0].auxiliaryFile.map((f: { id: string }) => f.id)).toEqual([
			`${B}/file/${s.f3.id}`
		]);
		expect(m.agendaItem[1].consultation).toBe(`${B}/consultation/${s.c1.id}`);
		expect(m.auxiliaryFile.map((f: { id: string }) => f.id)).toEqual([`${B}/file/${s.f1.id}`]);
		expect(m.web).toBe(`${ORIGIN}/${s.tenant.slug}/sitzungen/${s.m1.id}`);

		const cancelled = await get(`/meeting/${s.m2.id}`);
		expect(cancelled.json.cancelled).toBe(true);
		expect(cancelled.json.location).toBeUndefined();
		const location = await get(`/location/${s.m1.id}`);
		expect(location.status).toBe(200);
		expect(validateOParl(location.json, 'Location')).toEqual([]);
		expect(location.json.meetings).toEqual([`${B}/meeting/${s.m1.id}`]);
	});

	it('keeps the decision out until the minutes are published', async () => {
		const [draft] = await db
			.insert((await import('../meetings/schema')).meetings)
			.values({
				tenantId: s.tenant.id,
				bodyId: s.pub.id,
				startsAt: new Date('2030-01-01T10:00:00Z'),
				endsAt: new Date('2030-01-01T12:00:00Z'),
				minutesState: 'draft'
			})
			.returning();
		const item = await buildAgendaItem(db, draft, 1, { decision: 'Noch geheim' });
		const res = await get(`/agendaItem/${item.id}`);
		expect(res.status).toBe(200);
		expect(res.json.resolutionText).toBeUndefined();
		expect(JSON.stringify(res.json)).not.toContain('Noch geheim');
	});

	it('serves a paper with its public consultations, files and organisations', async () => {
		const res = await get(`/paper/${s.p1.id}`);
		expectValid(res.json);
		expect(res.json).toMatchObject({
			reference: '1/2025',
			paperType: 'Beschlussvorlage',
			date: '2025-03-01',
			originatorOrganization: [`${B}/organization/${s.pub.id}`]
		});
		expect(res.json.web).toBe(`${ORIGIN}/${s.tenant.slug}/vorlagen/${s.p1.id}`);
		// addressed to a members-only body: not named
		expect(res.json.underDirectionOf).toBeUndefined();
		expect(res.json.consultation.map((c: { id: string }) => c.id)).toEqual([
			`${B}/consultation/${s.c1.id}`
		]);
		expect(res.json.consultation[0]).toMatchObject({
			paper: `${B}/paper/${s.p1.id}`,
			meeting: `${B}/meeting/${s.m1.id}`,
			agendaItem: `${B}/agendaItem/${s.item3.id}`,
			authoritative: true,
			role: 'Entscheidung'
		});
		expect(res.json.auxiliaryFile.map((f: { id: string }) => f.id)).toEqual([
			`${B}/file/${s.fp.id}`
		]);
	});

	it('shows persons who consented with their public memberships only', async () => {
		const res = await get(`/body/${s.tenant.id}/person`);
		expect(res.json.data.map((p: { id: string }) => p.id)).toEqual([
			`${B}/person/${s.tenant.id}/${s.alice.id}`
		]);
		const alice = res.json.data[0];
		expect(alice.name).toBe('Alice Öffentlich');
		expect(alice.email).toBeUndefined();
		expect(alice.membership.map((m: { id: string }) => m.id)).toEqual([
			`${B}/membership/${s.aliceInPub.id}`
		]);
		expect(alice.membership[0]).toMatchObject({
			organization: `${B}/organization/${s.pub.id}`,
			role: 'Sprecher/in'
		});
		const org = await get(`/organization/${s.pub.id}`);
		expect(org.json.membership).toEqual([`${B}/membership/${s.aliceInPub.id}`]);
		expect(org.json.web).toBe(`${ORIGIN}/${s.tenant.slug}/gremien/${s.pub.id}`);
		expect(org.json).toMatchObject({ classification: 'Arbeitskreis', organizationType: 'Gremium' });
	});

	it('lists the meetings and consultations of one Organization', async () => {
		const meetings = await get(`/organization/${s.pub.id}/meeting`);
		expect(meetings.status).toBe(200);
		const ids = meetings.json.data.map((m: { id: string }) => m.id);
		expect(ids).toContain(`${B}/meeting/${s.m1.id}`);
		expect(ids).not.toContain(`${B}/meeting/${s.mNet.id}`);
		const cons = await get(`/organization/${s.pub.id}/consultation`);
		expect(cons.json.data.map((c: { id: string }) => c.id)).toEqual([
			`${B}/consultation/${s.c1.id}`
		]);
		expect((await get(`/organization/${s.net.id}/meeting`)).status).toBe(404);
	});

	it('omit_internal drops embedded objects and is kept in the links', async () => {
		const res = await get(`/body/${s.tenant.id}/meeting?omit_internal=true`);
		const m1 = res.json.data.find((m: { id: string }) => m.id === `${B}/meeting/${s.m1.id}`);
		expect(m1.agendaItem).toBeUndefined();
		expect(m1.location).toBeUndefined();
		expect(m1.auxiliaryFile).toBeUndefined();
		expect(m1.resultsProtocol).toBeUndefined();
		expect(m1.organization).toEqual([`${B}/organization/${s.pub.id}`]);
		expect(res.json.links.self).toContain('omit_internal=true');
		expect(res.json.links.first).toContain('omit_internal=true');
		expectValid(res.json);
		const person = await get(`/person/${s.tenant.id}/${s.alice.id}?omit_internal=true`);
		expect(person.json.membership).toBeUndefined();
	});
});

describe('pagination', () => {
	let tenantId: string;
	let bodyIds: string[];
	beforeAll(async () => {
		const t = await buildTenant(db);
		tenantId = t.id;
		bodyIds = [];
		// same created time for some, to prove the id breaks ties in a stable way
		const same = new Date('2024-05-01T10:00:00Z');
		for (let i = 0; i < 7; i++) {
			const b = await buildBody(db, t.id, {
				visibility: 'public',
				name: `Gremium ${i}`,
				createdAt: i < 3 ? same : new Date(Date.UTC(2024, 5, i + 1)),
				updatedAt: new Date(Date.UTC(2024, 6, i + 1))
			});
			bodyIds.push(b.id);
		}
		await buildBody(db, t.id, { visibility: 'members' });
	});

	it('has next on every page but the last; the pages together hold every object once', async () => {
		const pages = await walk(`/body/${tenantId}/organization`, { pageSize: 3 });
		expect(pages).toHaveLength(3);
		pages.forEach((p, i) => {
			expect(p.pagination).toEqual({
				totalElements: 7,
				elementsPerPage: 3,
				currentPage: i + 1,
				totalPages: 3
			});
			expect(p.links.first).toBe(`${B}/body/${tenantId}/organization`);
			expect(p.links.last).toBe(`${B}/body/${tenantId}/organization?page=3`);
			if (i < 2) expect(p.links.next).toBe(`${B}/body/${tenantId}/organization?page=${i + 2}`);
			else expect(p.links.next).toBeUndefined();
			if (i > 0) expect(p.links.prev).toBeDefined();
			else expect(p.links.prev).toBeUndefined();
		});
		const ids = pages.flatMap((p) => p.data.map((o: { id: string }) => o.id));
		expect(ids).toHaveLength(7);
		expect(new Set(ids).size).toBe(7);
		expect(new Set(ids)).toEqual(new Set(bodyIds.map((id) => `${B}/organization/${id}`)));
		// stable: the same order again, ordered by created then id
		const again = (await walk(`/body/${tenantId}/organization`, { pageSize: 3 })).flatMap((p) =>
			p.data.map((o: { id: string }) => o.id)
		);
		expect(again).toEqual(ids);
		const created = pages.flatMap((p) =>
			p.data.map((o: { created: string }) => Date.parse(o.created))
		);
		expect([...created].sort((a, b) => a - b)).toEqual(created);
	});

	it('keeps the filters in all links', async () => {
		const since = '2024-06-02T00:00:00+02:00';
		const res = await get(
			`/body/${tenantId}/organization?created_since=${encodeURIComponent(since)}&omit_internal=true`,
			{ pageSize: 2 }
		);
		expect(res.status).toBe(200);
		// bodies 4..6 were created on June 2nd and later (Gremium 3 is June 4th … see above)
		expect(res.json.pagination.totalElements).toBe(4);
		for (const key of ['first', 'self', 'next', 'last'] as const) {
			const link = new URL(res.json.links[key]);
			expect(link.searchParams.get('created_since'), key).toBe('2024-06-02T00:00:00.000+02:00');
			expect(link.searchParams.get('omit_internal'), key).toBe('true');
		}
		const second = await get(res.json.links.next, { pageSize: 2 });
		expect(second.json.pagination.currentPage).toBe(2);
		expect(new URL(second.json.links.prev).searchParams.get('created_since')).toBe(
			'2024-06-02T00:00:00.000+02:00'
		);
		for (const o of [...res.json.data, ...second.json.data]) {
			expect(Date.parse(o.created)).toBeGreaterThanOrEqual(Date.parse(since));
		}
	});

	it('filters by created_until, modified_since and modified_until', async () => {
		const until = await get(`/body/${tenantId}/organization?created_until=2024-05-01T12:00:00Z`);
		expect(until.json.data).toHaveLength(3);
		const mod = await get(
			`/body/${tenantId}/organization?modified_since=2024-07-05T00:00:00Z&modified_until=2024-07-06T23:00:00Z`
		);
		expect(mod.json.data.map((o: { name: string }) => o.name).sort()).toEqual([
			'Gremium 4',
			'Gremium 5'
		]);
		// an unencoded "+" arrives as a space and is still understood
		const plus = await get(
			`/body/${tenantId}/organization?created_since=2024-06-02T00:00:00 02:00`
		);
		expect(plus.status).toBe(200);
		expect(plus.json.pagination.totalElements).toBe(4);
	});

	it.each([
		['created_since=gestern', 'created_since'],
		['modified_since=2024-01-01', 'modified_since'],
		['modified_until=2024-13-01T00:00:00Z', 'modified_until'],
		['created_since=2024-02-30T00:00:00Z', 'created_since'],
		['created_since=2024-06-01T00:00:00Z&created_until=2024-05-01T00:00:00Z', 'created_since'],
		['page=0', 'page'],
		['page=abc', 'page']
	])('rejects %s with the OParl error object and 400', async (query, name) => {
		const res = await get(`/body/${tenantId}/organization?${query}`);
		expect(res.status).toBe(400);
		expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
		expect(res.json.type).toBe('https://schema.oparl.org/1.1/Error');
		expect(res.json.message).toContain(name);
	});
});

describe('deleted and unpublished objects', () => {
	let t: Awaited<ReturnType<typeof buildTenant>>;
	let body: Awaited<ReturnType<typeof buildBody>>;
	let dave: Awaited<ReturnType<typeof buildUser>>;
	let meeting: Awaited<ReturnType<typeof buildMeeting>>;
	let goneId: string;
	const since = '2000-01-01T00:00:00Z';
	beforeAll(async () => {
		t = await buildTenant(db);
		body = await buildBody(db, t.id, { visibility: 'public' });
		dave = await buildUser(db);
		await consent(t.id, dave.id);
		await buildMembership(db, body, dave.id);
		meeting = await buildMeeting(db, body);
		// a meeting that is deleted: its tombstone remains
		const gone = await buildMeeting(db, body);
		goneId = gone.id;
		await db.transaction(async (tx) => {
			await recordOParlDeletion(tx, t.id, 'Meeting', gone.id);
			await tx
				.delete((await import('../meetings/schema')).meetings)
				.where(eq((await import('../meetings/schema')).meetings.id, gone.id));
		});
	});

	it('shows a withdrawn consent as deleted Person and Membership only with modified_since', async () => {
		await db
			.update(personPublications)
			.set({ withdrawnAt: new Date(), updatedAt: new Date() })
			.where(eq(personPublications.userId, dave.id));
		const plain = await get(`/body/${t.id}/person`);
		expect(plain.json.data).toEqual([]);
		const changes = await get(`/body/${t.id}/person?modified_since=${since}`);
		expect(changes.json.data).toHaveLength(1);
		expect(changes.json.data[0]).toMatchObject({
			id: `${B}/person/${t.id}/${dave.id}`,
			type: 'https://schema.oparl.org/1.1/Person',
			deleted: true
		});
		expect(changes.json.data[0].name).toBeUndefined();
		expect(JSON.stringify(changes.json)).not.toContain(dave.name);
		expectValid(changes.json);
		const ms = await get(`/body/${t.id}/membership?modified_since=${since}`);
		expect(ms.json.data.every((m: { deleted?: boolean }) => m.deleted === true)).toBe(true);
		expect(ms.json.data).toHaveLength(1);
		// a later modified_since than the withdrawal: not listed
		const later = await get(
			`/body/${t.id}/person?modified_since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`
		);
		expect(later.json.data).toEqual([]);
		const single = await get(`/person/${t.id}/${dave.id}`);
		expect(single.status).toBe(200);
		expect(single.json.deleted).toBe(true);
		expect(single.json.name).toBeUndefined();
	});

	it('shows a body that is no longer public, with its meetings, as deleted', async () => {
		await db
			.update(bodies)
			.set({ visibility: 'network', updatedAt: new Date() })
			.where(eq(bodies.id, body.id));
		expect((await get(`/body/${t.id}/organization`)).json.data).toEqual([]);
		expect((await get(`/body/${t.id}/meeting`)).json.data).toEqual([]);
		const orgs = await get(`/body/${t.id}/organization?modified_since=${since}`);
		expect(orgs.json.data).toEqual([
			expect.objectContaining({ id: `${B}/organization/${body.id}`, deleted: true })
		]);
		expect(orgs.json.data[0].name).toBeUndefined();
		const meetings = await get(`/body/${t.id}/meeting?modified_since=${since}`);
		const ids = meetings.json.data.map((m: { id: string }) => m.id);
		expect(ids).toContain(`${B}/meeting/${meeting.id}`);
		expect(meetings.json.data.every((m: { deleted?: boolean }) => m.deleted)).toBe(true);
		expectValid(meetings.json);
	});

	it('lists tombstones of deleted objects only with modified_since, and answers their URL', async () => {
		const plain = await get(`/body/${t.id}/meeting`);
		expect(JSON.stringify(plain.json)).not.toContain(goneId);
		const changes = await get(`/body/${t.id}/meeting?modified_since=${since}`);
		const stub = changes.json.data.find((m: { id: string }) => m.id === `${B}/meeting/${goneId}`);
		expect(stub).toMatchObject({ deleted: true, type: 'https://schema.oparl.org/1.1/Meeting' });
		expect(stub.modified).toBeDefined();
		const single = await get(`/meeting/${goneId}`);
		expect(single.status).toBe(200);
		expect(single.json).toMatchObject({ id: `${B}/meeting/${goneId}`, deleted: true });
		// a deletion before modified_since is not listed again
		const future = new Date(Date.now() + 60_000).toISOString();
		const none = await get(`/body/${t.id}/meeting?modified_since=${encodeURIComponent(future)}`);
		expect(none.json.data).toEqual([]);
	});
});

describe('published minutes as File (Meeting.resultsProtocol)', () => {
	let t: Awaited<ReturnType<typeof buildTenant>>;
	let body: Awaited<ReturnType<typeof buildBody>>;
	let published: Awaited<ReturnType<typeof buildMeeting>>;
	let approved: Awaited<ReturnType<typeof buildMeeting>>;
	const publishedAt = new Date('2025-05-02T10:00:00Z');
	const since = '2000-01-01T00:00:00Z';
	const fileUrl = (meetingId: string) => `${B}/file/${protocolFileId(meetingId)}`;
	beforeAll(async () => {
		t = await buildTenant(db);
		body = await buildBody(db, t.id, {
			visibility: 'public',
			name: 'Arbeitskreis Übergänge',
			updatedAt: new Date('2025-01-01T00:00:00Z')
		});
		published = await buildMeeting(db, body, {
			state: 'held',
			startsAt: new Date('2025-04-10T16:00:00Z'),
			minutesState: 'published',
			minutesPublishedAt: publishedAt
		});
		await buildAgendaItem(db, published, 1, { decision: 'Beschlossen.' });
		approved = await buildMeeting(db, body, { state: 'held', minutesState: 'approved' });
	});

	it('derives a stable File id from the meeting id that is not a random file id', () => {
		const id = protocolFileId(published.id);
		expect(id).not.toBe(published.id);
		expect(id[14]).toBe('8');
		expect(protocolFileId(id)).toBe(published.id);
	});

	it('embeds the published minutes as File with the public PDF as accessUrl', async () => {
		const res = await get(`/meeting/${published.id}`);
		expectValid(res.json);
		const file = res.json.resultsProtocol;
		expect(file).toMatchObject({
			id: fileUrl(published.id),
			type: 'https://schema.oparl.org/1.1/File',
			name: expect.stringContaining('Protokoll'),
			fileName: 'protokoll-arbeitskreis-ubergange-2025-04-10.pdf',
			mimeType: 'application/pdf',
			date: '2025-05-02',
			accessUrl: `${ORIGIN}/${t.slug}/sitzungen/${published.id}/protokoll.pdf`,
			meeting: [`${B}/meeting/${published.id}`]
		});
		// rendered on request: there is no stored download variant
		expect(file.downloadUrl).toBeUndefined();
		expect(Date.parse(file.created)).toBe(publishedAt.getTime());
		expect(Date.parse(file.modified)).toBe(publishedAt.getTime());
		// the public page really serves it
		const doc = await publicMinutesDocument(db, t.slug, published.id);
		expect(doc.model).toBeTruthy();
	});

	it('answers at its own URL and is in the body’s file list', async () => {
		const one = await get(fileUrl(published.id));
		expect(one.status).toBe(200);
		expect(validateOParl(one.json, 'File')).toEqual([]);
		expect(one.json.id).toBe(fileUrl(published.id));
		expect(one.json.accessUrl).toBe(`${ORIGIN}/${t.slug}/sitzungen/${published.id}/protokoll.pdf`);
		const list = await walk(`/body/${t.id}/file`);
		const ids = list.flatMap((p) => p.data.map((f: { id: string }) => f.id));
		expect(ids).toEqual([fileUrl(published.id)]);
		// its content is the public page, not the interface's file endpoint
		expect((await get(`${fileUrl(published.id)}/access`)).status).toBe(404);
	});

	it('does not exist before the minutes are published', async () => {
		const res = await get(`/meeting/${approved.id}`);
		expect(res.status).toBe(200);
		expect(res.json.resultsProtocol).toBeUndefined();
		expect((await get(fileUrl(approved.id))).status).toBe(404);
		const changes = await get(`/body/${t.id}/file?modified_since=${since}`);
		expect(JSON.stringify(changes.json)).not.toContain(protocolFileId(approved.id));
		await expect(publicMinutesDocument(db, t.slug, approved.id)).rejects.toThrow(NotFoundError);
	});

	it('shows as deleted under modified_since when the body is no longer public', async () => {
		const before = new Date(Date.now() - 1000).toISOString();
		await db
			.update(bodies)
			.set({ visibility: 'network', updatedAt: new Date() })
			.where(eq(bodies.id, body.id));
		try {
			expect((await get(`/body/${t.id}/file`)).json.data).toEqual([]);
			const changes = await get(`/body/${t.id}/file?modified_since=${encodeURIComponent(before)}`);
			expect(changes.json.data).toEqual([
				expect.objectContaining({ id: fileUrl(published.id), deleted: true })
			]);
			expect(changes.json.data[0].accessUrl).toBeUndefined();
			expectValid(changes.json);
			const one = await get(fileUrl(published.id));
			expect(one.status).toBe(200);
			expect(one.json).toMatchObject({ id: fileUrl(published.id), deleted: true });
			await expect(publicMinutesDocument(db, t.slug, published.id)).rejects.toThrow(NotFoundError);
		} finally {
			await db
				.update(bodies)
				.set({ visibility: 'public', updatedAt: new Date() })
				.where(eq(bodies.id, body.id));
		}
	});

	it('leaves a tombstone when the meeting is deleted', async () => {
		const gone = await buildMeeting(db, body, {
			state: 'held',
			minutesState: 'published',
			minutesPublishedAt: new Date()
		});
		await db.transaction(async (tx) => {
			await recordOParlMeetingDeletion(tx, t.id, gone.id);
			await tx.delete(meetings).where(eq(meetings.id, gone.id));
		});
		const one = await get(fileUrl(gone.id));
		expect(one.status).toBe(200);
		expect(one.json).toMatchObject({ id: fileUrl(gone.id), deleted: true });
		const changes = await get(`/body/${t.id}/file?modified_since=${since}`);
		expect(changes.json.data).toContainEqual(
			expect.objectContaining({ id: fileUrl(gone.id), deleted: true })
		);
	});
});

describe('web links only to what the public site shows', () => {
	it('leaves draft papers out, even when marked public', async () => {
		const t = await buildTenant(db);
		const [draft] = await db
			.insert(papers)
			.values({
				tenantId: t.id,
				number: 1,
				year: 2025,
				reference: '1/2025',
				type: 'notice',
				title: 'Entwurf',
				date: '2025-03-01',
				visibility: 'public',
				state: 'draft'
			})
			.returning();
		expect((await get(`/body/${t.id}/paper`)).json.data).toEqual([]);
		expect((await get(`/paper/${draft.id}`)).json).toMatchObject({ deleted: true });
		await db.update(papers).set({ state: 'submitted' }).where(eq(papers.id, draft.id));
		const res = await get(`/paper/${draft.id}`);
		expect(res.json.web).toBe(`${ORIGIN}/${t.slug}/vorlagen/${draft.id}`);
	});

	it('gives an archived Gremium no web page (the public site no longer shows it)', async () => {
		const t = await buildTenant(db);
		const archived = await buildBody(db, t.id, {
			visibility: 'public',
			archivedAt: new Date('2025-01-31T12:00:00Z')
		});
		const res = await get(`/organization/${archived.id}`);
		expect(res.json.name).toBeDefined();
		expect(res.json.endDate).toBe('2025-01-31');
		expect(res.json.web).toBeUndefined();
	});
});

describe('HTTP', () => {
	it('sends an ETag and answers If-None-Match with 304', async () => {
		const first = await get(`/meeting/${s.m1.id}`);
		const etag = first.headers.ETag;
		expect(etag).toMatch(/^".+"$/);
		expect(first.headers['Last-Modified']).toBeDefined();
		const again = await get(`/meeting/${s.m1.id}`, {
			headers: new Headers({ 'If-None-Match': etag })
		});
		expect(again.status).toBe(304);
		expect(again.body).toBeNull();
		expect(again.headers.ETag).toBe(etag);
		const other = await get(`/meeting/${s.m1.id}`, {
			headers: new Headers({ 'If-None-Match': '"something-else"' })
		});
		expect(other.status).toBe(200);
	});

	it('answers If-Modified-Since with 304 when nothing changed since', async () => {
		const first = await get(`/body/${s.tenant.id}/meeting`);
		const lm = first.headers['Last-Modified'];
		const res = await get(`/body/${s.tenant.id}/meeting`, {
			headers: new Headers({ 'If-Modified-Since': lm })
		});
		expect(res.status).toBe(304);
		const older = await get(`/body/${s.tenant.id}/meeting`, {
			headers: new Headers({ 'If-Modified-Since': new Date(Date.parse(lm) - 5000).toUTCString() })
		});
		expect(older.status).toBe(200);
	});

	it.each([
		'/meeting/00000000-0000-4000-8000-000000000000',
		'/meeting/not-a-uuid',
		'/body/00000000-0000-4000-8000-000000000000',
		'/unknown',
		'/body/x/organization',
		'/file/00000000-0000-4000-8000-000000000000/download'
	])('answers %s with the OParl error object and 404', async (path) => {
		const res = await get(path);
		expect(res.status).toBe(404);
		expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
		expect(res.json).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error' });
		expect(typeof res.json.message).toBe('string');
	});

	it('reads only: other methods get 405, OPTIONS the CORS preflight', async () => {
		const post = await get('/system', { method: 'POST' });
		expect(post.status).toBe(405);
		expect(post.json.type).toBe('https://schema.oparl.org/1.1/Error');
		const options = await get('/system', { method: 'OPTIONS' });
		expect(options.status).toBe(204);
		expect(options.headers['Access-Control-Allow-Origin']).toBe('*');
	});

	it('serves a public file as download (attachment) and for access (not attachment)', async () => {
		const download = await get(`/file/${s.f1.id}/download`);
		expect(download.status).toBe(200);
		expect(download.headers['Content-Disposition']).toMatch(
			/^attachment; filename="Einladung.pdf"/
		);
		expect(download.headers['X-Content-Type-Options']).toBe('nosniff');
		expect(Buffer.from(download.body as Uint8Array).toString()).toBe('%PDF-1.4 Einladung.pdf');
		expect(download.headers.ETag).toBe(`"${s.f1.sha256}"`);
		const access = await get(`/file/${s.f1.id}/access`);
		expect(access.status).toBe(200);
		expect(access.headers['Content-Disposition']).not.toMatch(/attachment/);
		expect(access.headers['Content-Type']).toBe('application/pdf');
		const meta = await get(`/file/${s.f1.id}`);
		expect(meta.json).toMatchObject({
			accessUrl: `${B}/file/${s.f1.id}/access`,
			downloadUrl: `${B}/file/${s.f1.id}/download`,
			mimeType: 'application/pdf',
			fileName: 'Einladung.pdf'
		});
		expect(validateOParl(meta.json, 'File')).toEqual([]);
	});

	it('never serves the content of non-public files', async () => {
		for (const f of [s.f2, s.f4, s.f5, s.fp2]) {
			expect((await get(`/file/${f.id}/download`)).status).toBe(404);
			expect((await get(`/file/${f.id}/access`)).status).toBe(404);
			const meta = await get(`/file/${f.id}`);
			expect(meta.json.deleted).toBe(true);
			expect(meta.json.fileName).toBeUndefined();
		}
	});

	it('sends risky types for access as octet-stream', async () => {
		const content = Buffer.from('<script>alert(1)</script>');
		const [html] = await db
			.insert(files)
			.values({
				tenantId: s.tenant.id,
				meetingId: s.m1.id,
				fileName: 'x.html',
				mediaType: 'text/html',
				size: content.byteLength,
				sha256: createHash('sha256').update(content).digest('hex'),
				content,
				isPublic: true
			})
			.returning();
		const access = await get(`/file/${html.id}/access`);
		expect(access.status).toBe(200);
		expect(access.headers['Content-Type']).toBe('application/octet-stream');
		expect(access.headers['Content-Security-Policy']).toContain('sandbox');
	});
});
