import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../papers/schema';
import { buildAgendaItem, buildBody, buildTenant } from '../factories';
import { validateOParl } from './fixtures/validator';

import {
	B,
	LISTS,
	ORIGIN,
	db,
	expectValid,
	get,
	objectsIn,
	s,
	startScenario,
	stopScenario,
	walk
} from './test-scenario';

beforeAll(startScenario);
afterAll(stopScenario);

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

	it('keeps a public paper dealt with in a non-public agenda item out of the Consultations', async () => {
		const [closed] = await db
			.insert(consultations)
			.values({
				tenantId: s.tenant.id,
				paperId: s.p1.id,
				meetingId: s.m1.id,
				agendaItemId: s.item2.id,
				bodyId: s.pub.id,
				role: 'decision',
				result: 'rejected'
			})
			.returning();
		const one = await get(`/consultation/${closed.id}`);
		expect(one.json).toMatchObject({ id: `${B}/consultation/${closed.id}`, deleted: true });
		expect(one.json.paper).toBeUndefined();
		const paper = await get(`/paper/${s.p1.id}`);
		expect(paper.json.consultation.map((c: { id: string }) => c.id)).toEqual([
			`${B}/consultation/${s.c1.id}`
		]);
		const listed = (await walk(`/body/${s.tenant.id}/consultation`)).flatMap((p) => p.data);
		expect(listed.map((c: { id: string }) => c.id)).toEqual([`${B}/consultation/${s.c1.id}`]);
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

describe('date filters outside years 1900–9999 (issue 16: year 0000 was a 500)', () => {
	const outOfRange = [
		'created_since=0000-01-01T00:00:00Z',
		'created_until=1899-12-31T23:59:59Z',
		'modified_since=0001-01-01T00:00:00%2B01:00',
		'modified_until=9999-12-31T23:59:59-05:00'
	];
	const lists = [...LISTS.map((l) => `/body/${'{tenant}'}/${l}`), '/body'];

	it.each(lists.flatMap((list) => outOfRange.map((q) => [list, q] as const)))(
		'%s?%s answers 400 with the OParl error object',
		async (list, query) => {
			const res = await get(`${list.replace('{tenant}', s.tenant.id)}?${query}`);
			expect(res.status).toBe(400);
			expect(res.json.type).toBe('https://schema.oparl.org/1.1/Error');
			expect(res.json.message).toContain(query.split('=')[0]);
		}
	);

	it.each(['created_since=1900-01-01T00:00:00Z', 'modified_until=9999-12-31T00:00:00Z'])(
		'accepts the edge %s',
		async (query) => {
			const res = await get(`/body/${s.tenant.id}/paper?${query}`);
			expect(res.status).toBe(200);
		}
	);
});
