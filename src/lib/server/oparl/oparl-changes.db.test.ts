import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
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
import { papers } from '../papers/schema';
import { personPublications } from './schema';
import { recordOParlDeletion, recordOParlMeetingDeletion } from './deletion';
import { protocolFileId } from './urls';
import { publicMinutesAt } from '../minutes/testing';
import { NotFoundError } from '../errors';
import { meetings } from '../meetings/schema';
import { validateOParl } from './fixtures/validator';

import {
	B,
	ORIGIN,
	consent,
	db,
	expectValid,
	get,
	s,
	startScenario,
	stopScenario,
	walk
} from './test-scenario';

beforeAll(startScenario);
afterAll(stopScenario);

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
		const doc = await publicMinutesAt(db, t.slug, published.id);
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
		await expect(publicMinutesAt(db, t.slug, approved.id)).rejects.toThrow(NotFoundError);
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
			await expect(publicMinutesAt(db, t.slug, published.id)).rejects.toThrow(NotFoundError);
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
