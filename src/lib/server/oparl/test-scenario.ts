/** The OParl tests' scenario: one public tenant with bodies, people, meetings and papers. */
import { expect } from 'vitest';
import { createHash } from 'node:crypto';
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
import { consultations, papers, paperFiles } from '../papers/schema';
import { personPublications } from './schema';
import { handleOParl } from './handler';
import { typeOf, validateOParl } from './fixtures/validator';

export const ORIGIN = 'https://oparl.example.org';
export const B = `${ORIGIN}/oparl/v1.1`;

let database: Database;
export let db: Db;

export async function get(path: string, options: Parameters<typeof handleOParl>[2] = {}) {
	const res = await handleOParl(db, new URL(path.startsWith('http') ? path : B + path), options);
	const json =
		typeof res.body === 'string' && res.headers['Content-Type']?.startsWith('application/json')
			? JSON.parse(res.body)
			: null;
	return { ...res, json };
}

/** Every object in a response, embedded ones included (with the property path). */
export function objectsIn(
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

export function expectValid(value: unknown) {
	const found = objectsIn(value);
	expect(found.length).toBeGreaterThan(0);
	for (const { at, obj } of found) expect(validateOParl(obj), at).toEqual([]);
}

export async function file(
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

export async function consent(tenantId: string, userId: string, withdrawn = false) {
	await db.insert(personPublications).values({
		tenantId,
		userId,
		consentedAt: new Date(),
		consentTextVersion: '1',
		withdrawnAt: withdrawn ? new Date() : null
	});
}

export let s: Awaited<ReturnType<typeof scenario>>;

export async function scenario() {
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

/** A fresh database with the scenario; the test files share these live bindings. */
export async function startScenario() {
	database = await createTestDb();
	db = database.db;
	s = await scenario();
}

export const stopScenario = () => database?.close();

export const LISTS = [
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
export async function walk(first: string, options: Parameters<typeof handleOParl>[2] = {}) {
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
