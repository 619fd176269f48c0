// Children checked against the meeting in the URL: an agenda item, a speaker or a file of another
// meeting (or tenant) is not found, and nothing is written.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildAgendaItem, buildBody, buildMeeting, buildTenant, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { NotFoundError } from '../errors';
import { agendaItems, agendaItemSpeakers, files } from './schema';
import { deleteAgendaItem, moveAgendaItem, updateAgendaItem } from './agenda-items';
import { addSpeaker, removeSpeaker } from './speakers';
import { deleteFile, setFilePublic, uploadFile } from './files';

const database = useTestDb();

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung' });
	const meeting = await buildMeeting(db, body);
	const otherMeeting = await buildMeeting(db, body);
	const item = await buildAgendaItem(db, meeting, 1, { title: 'Eigener TOP' });
	const foreignItem = await buildAgendaItem(db, otherMeeting, 1, { title: 'Fremder TOP' });
	const ctx = await actorCtx(db, tenant, 'coordinator');
	// the same tenant's meeting under another tenant's address is not found either
	const otherTenant = await buildTenant(db);
	await grantRole(db, otherTenant.id, ctx.actor!.userId, 'coordinator');
	const otherTenantCtx = testTenantCtx(db, otherTenant, await loadActor(db, ctx.actor!.userId));
	return { db, meeting, otherMeeting, item, foreignItem, ctx, otherTenantCtx };
}

const itemForm = { title: 'Geändert', description: '', isPublic: 'on' };

describe('agenda items of another meeting', () => {
	it('updateAgendaItem: 404 and the item stays as it was', async () => {
		const { db, meeting, foreignItem, ctx, otherTenantCtx } = await setup();
		await expect(
			updateAgendaItem(ctx, { ...itemForm, meetingId: meeting.id, itemId: foreignItem.id })
		).rejects.toThrow(NotFoundError);
		await expect(
			updateAgendaItem(otherTenantCtx, {
				...itemForm,
				meetingId: meeting.id,
				itemId: foreignItem.id
			})
		).rejects.toThrow(NotFoundError);
		const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, foreignItem.id));
		expect(row.title).toBe('Fremder TOP');
	});

	it('deleteAgendaItem and moveAgendaItem: 404 and nothing changes', async () => {
		const { db, meeting, foreignItem, ctx } = await setup();
		await expect(
			deleteAgendaItem(ctx, { meetingId: meeting.id, itemId: foreignItem.id })
		).rejects.toThrow(NotFoundError);
		await expect(
			moveAgendaItem(ctx, { meetingId: meeting.id, itemId: foreignItem.id, direction: 'down' })
		).rejects.toThrow(NotFoundError);
		const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, foreignItem.id));
		expect(row.position).toBe(1);
	});
});

describe('speakers of another meeting', () => {
	it('addSpeaker to an item of another meeting: 404, no speaker', async () => {
		const { db, meeting, foreignItem, ctx } = await setup();
		await expect(
			addSpeaker(ctx, { name: 'Gast', meetingId: meeting.id, itemId: foreignItem.id })
		).rejects.toThrow(NotFoundError);
		expect(
			await db
				.select()
				.from(agendaItemSpeakers)
				.where(eq(agendaItemSpeakers.agendaItemId, foreignItem.id))
		).toEqual([]);
	});

	it('removeSpeaker of an item of another meeting: 404, the speaker stays', async () => {
		const { db, meeting, otherMeeting, foreignItem, ctx } = await setup();
		const { id } = await addSpeaker(ctx, {
			name: 'Gast',
			meetingId: otherMeeting.id,
			itemId: foreignItem.id
		});
		await expect(removeSpeaker(ctx, { meetingId: meeting.id, speakerId: id })).rejects.toThrow(
			NotFoundError
		);
		expect(
			await db.select().from(agendaItemSpeakers).where(eq(agendaItemSpeakers.id, id))
		).toHaveLength(1);
	});
});

describe('files of another meeting', () => {
	it('uploadFile onto an item of another meeting: 404, no file', async () => {
		const { db, meeting, foreignItem, ctx } = await setup();
		await expect(
			uploadFile(ctx, {
				fileName: 'a.pdf',
				bytes: PDF,
				meetingId: meeting.id,
				agendaItemId: foreignItem.id
			})
		).rejects.toThrow(NotFoundError);
		expect(await db.select().from(files).where(eq(files.agendaItemId, foreignItem.id))).toEqual([]);
	});

	it('setFilePublic and deleteFile with another meeting in the URL: 404, file unchanged', async () => {
		const { db, meeting, otherMeeting, foreignItem, ctx } = await setup();
		const direct = await uploadFile(ctx, {
			fileName: 'a.pdf',
			bytes: PDF,
			meetingId: otherMeeting.id
		});
		const onItem = await uploadFile(ctx, {
			fileName: 'b.pdf',
			bytes: PDF,
			meetingId: otherMeeting.id,
			agendaItemId: foreignItem.id
		});
		for (const { id } of [direct, onItem]) {
			await expect(
				setFilePublic(ctx, { meetingId: meeting.id, fileId: id, isPublic: 'on' })
			).rejects.toThrow(NotFoundError);
			await expect(deleteFile(ctx, { meetingId: meeting.id, fileId: id })).rejects.toThrow(
				NotFoundError
			);
			const [row] = await db.select().from(files).where(eq(files.id, id));
			expect(row.isPublic).toBe(false);
		}
		// with the right meeting it works
		await setFilePublic(ctx, { meetingId: otherMeeting.id, fileId: onItem.id, isPublic: 'on' });
		await deleteFile(ctx, { meetingId: otherMeeting.id, fileId: direct.id });
		expect(await db.select().from(files).where(eq(files.id, direct.id))).toEqual([]);
	});
});
