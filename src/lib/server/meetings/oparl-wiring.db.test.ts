import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildAgendaItem, buildBody, buildMeeting, buildTenant } from '../factories';
import { handleOParl } from '../oparl/handler';
import { buildMinutesView } from '../minutes/minutes';
import { publicMeetingAt } from '../minutes/testing';
import { files, meetings } from './schema';
import { fullAgenda } from './agenda';
import { deleteAgendaItem } from './agenda-items';
import { deleteFile } from './files';

const ORIGIN = 'https://oparl.example.org';
const B = `${ORIGIN}/oparl/v1.1`;

const database = useTestDb();

async function oparl(path: string) {
	const res = await handleOParl(database.db, new URL(B + path));
	expect(res.status).toBe(200);
	return JSON.parse(res.body as string);
}

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { visibility: 'public' });
	const meeting = await buildMeeting(db, body, { updatedAt: new Date('2020-01-01T00:00:00Z') });
	const ctx = await actorCtx(db, tenant, 'coordinator');
	const addFile = async (where: { meetingId?: string; agendaItemId?: string }, name: string) => {
		const [row] = await db
			.insert(files)
			.values({
				tenantId: tenant.id,
				...where,
				fileName: name,
				mediaType: 'application/pdf',
				size: 5,
				sha256: 'x',
				content: Buffer.from('%PDF-'),
				isPublic: true
			})
			.returning();
		return row;
	};
	return { db, tenant, body, meeting, ctx, addFile };
}

const idOf = (type: string, id: string) => `${B}/${type}/${id}`;

describe('OParl deletions of agenda items and files', () => {
	it('lists a deleted agenda item and its files with deleted: true and changes the meeting', async () => {
		const { db, tenant, meeting, ctx, addFile } = await setup();
		await buildAgendaItem(db, meeting, 1, { title: 'Begrüßung' });
		const gone = await buildAgendaItem(db, meeting, 2, { title: 'Wird gestrichen' });
		const later = await buildAgendaItem(db, meeting, 3, { title: 'Verschiedenes' });
		const itemFile = await addFile({ agendaItemId: gone.id }, 'TOP 2.pdf');
		const before = new Date(Date.now() - 1000).toISOString();

		await deleteAgendaItem(ctx, { meetingId: meeting.id, itemId: gone.id });

		const items = await oparl(`/body/${tenant.id}/agendaItem?modified_since=${before}`);
		const deleted = items.data.find((o: { id: string }) => o.id === idOf('agendaItem', gone.id));
		expect(deleted).toMatchObject({ deleted: true });
		expect(deleted.name).toBeUndefined();
		// the item after it moved up: it counts as changed, with its new number
		const moved = items.data.find((o: { id: string }) => o.id === idOf('agendaItem', later.id));
		expect(moved).toMatchObject({ number: '2' });
		expect(moved.deleted).toBeFalsy();
		// without modified_since no deleted entries
		const plain = await oparl(`/body/${tenant.id}/agendaItem`);
		expect(plain.data.map((o: { id: string }) => o.id)).not.toContain(idOf('agendaItem', gone.id));

		const fileList = await oparl(`/body/${tenant.id}/file?modified_since=${before}`);
		expect(
			fileList.data.find((o: { id: string }) => o.id === idOf('file', itemFile.id))
		).toMatchObject({ deleted: true });

		const meetingsChanged = await oparl(`/body/${tenant.id}/meeting?modified_since=${before}`);
		expect(meetingsChanged.data.map((o: { id: string }) => o.id)).toContain(
			idOf('meeting', meeting.id)
		);
		const [m] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(m.updatedAt.getTime()).toBeGreaterThan(Date.parse(before));
	});

	it('lists a deleted meeting file with deleted: true', async () => {
		const { tenant, meeting, ctx, addFile } = await setup();
		const f = await addFile({ meetingId: meeting.id }, 'Einladung.pdf');
		const before = new Date(Date.now() - 1000).toISOString();
		await deleteFile(ctx, { meetingId: meeting.id, fileId: f.id });
		const list = await oparl(`/body/${tenant.id}/file?modified_since=${before}`);
		expect(list.data.find((o: { id: string }) => o.id === idOf('file', f.id))).toMatchObject({
			deleted: true
		});
		const meetingsChanged = await oparl(`/body/${tenant.id}/meeting?modified_since=${before}`);
		expect(meetingsChanged.data.map((o: { id: string }) => o.id)).toContain(
			idOf('meeting', meeting.id)
		);
	});
});

describe('TOP numbers with non-public items', () => {
	it('are the original numbers in the public agenda, the minutes and OParl', async () => {
		const { db, tenant, body, meeting } = await setup();
		await buildAgendaItem(db, meeting, 1, { title: 'Begrüßung' });
		await buildAgendaItem(db, meeting, 2, { title: 'Personalien', isPublic: false });
		await buildAgendaItem(db, meeting, 3, { title: 'Sprachkurse' });
		const pub = await fullAgenda(db, tenant.id, meeting.id, { publicOnly: true });
		expect(pub!.items.map((i) => `${i.number} ${i.title}`)).toEqual([
			'1 Begrüßung',
			'3 Sprachkurse'
		]);
		const minutes = await buildMinutesView(db, meeting, body, {
			publicOnly: true,
			withSuggestions: false
		});
		expect(minutes.items.map((i) => `${i.number} ${i.title}`)).toEqual([
			'1 Begrüßung',
			'3 Sprachkurse'
		]);
		const page = await publicMeetingAt(db, tenant.slug, meeting.id);
		expect(page!.agenda.map((i) => i.number)).toEqual([1, 3]);
		const items = await oparl(`/body/${tenant.id}/agendaItem`);
		expect(
			items.data.map((o: { name: string; number: string }) => `${o.number} ${o.name}`)
		).toEqual(['1 Begrüßung', '3 Sprachkurse']);
	});
});
