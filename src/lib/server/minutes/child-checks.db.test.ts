import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { withTenant } from '../context';
import { buildActionItem, buildBody } from '../factories';
import { NotFoundError } from '../errors';
import { actionItems, meetingAttendance } from './schema';
import { deleteActionItem, setActionItemState, updateActionItem } from './action-item-changes';
import { addGuest, removeGuest } from './attendance';
import { setupMinutes } from './testing';

const database = useTestDb();

/** The fixture plus an action item of the meeting and the speaker's context in the tenant. */
async function setup() {
	const s = await setupMinutes(database.db);
	const item = await buildActionItem(s.db, s.body, {
		meetingId: s.meeting.id,
		agendaItemId: s.top1.id,
		title: 'Flyer drucken'
	});
	const ctx = withTenant(await s.ctxOf(s.people.speaker), s.tenant);
	const rowOf = async () =>
		(await s.db.select().from(actionItems).where(eq(actionItems.id, item.id)))[0];
	return { ...s, item, ctx, rowOf };
}

describe('an action item is changed only through the body or meeting the URL names', () => {
	it('gremien/[body]/aufgaben?/state with another body: NotFoundError, the state stays', async () => {
		const s = await setup();
		const otherBody = await buildBody(s.db, s.tenant.id);
		await expect(
			setActionItemState(s.ctx, { bodyId: otherBody.id, actionItemId: s.item.id, state: 'done' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await s.rowOf()).state).toBe('open');
		await setActionItemState(s.ctx, { bodyId: s.body.id, actionItemId: s.item.id, state: 'done' });
		expect((await s.rowOf()).state).toBe('done');
	});

	it('protokoll?/actionState with another meeting: NotFoundError, the state stays', async () => {
		const s = await setup();
		for (const meetingId of [s.later.id, s.otherBodyMeeting.id, 'not-a-uuid'])
			await expect(
				setActionItemState(s.ctx, { meetingId, actionItemId: s.item.id, state: 'in_progress' })
			).rejects.toBeInstanceOf(NotFoundError);
		expect((await s.rowOf()).state).toBe('open');
		await setActionItemState(s.ctx, {
			meetingId: s.meeting.id,
			actionItemId: s.item.id,
			state: 'in_progress'
		});
		expect((await s.rowOf()).state).toBe('in_progress');
	});

	it('protokoll?/updateAction with another meeting: NotFoundError, nothing saved', async () => {
		const s = await setup();
		await expect(
			updateActionItem(s.ctx, {
				meetingId: s.later.id,
				actionItemId: s.item.id,
				title: 'Umbenannt'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await s.rowOf()).title).toBe('Flyer drucken');
		await updateActionItem(s.ctx, {
			meetingId: s.meeting.id,
			actionItemId: s.item.id,
			title: 'Flyer drucken lassen'
		});
		expect((await s.rowOf()).title).toBe('Flyer drucken lassen');
	});

	it('protokoll?/deleteAction with another meeting: NotFoundError, the item stays', async () => {
		const s = await setup();
		await expect(
			deleteActionItem(s.ctx, { meetingId: s.later.id, actionItemId: s.item.id })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await s.rowOf()).toBeDefined();
	});

	it('protokoll?/removeGuest with another meeting: NotFoundError, the guest stays', async () => {
		const s = await setup();
		const { id } = await addGuest(s.ctx, { meetingId: s.meeting.id, guestName: 'Gerda Gast' });
		await expect(removeGuest(s.ctx, { meetingId: s.later.id, guestId: id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const rows = await s.db.select().from(meetingAttendance).where(eq(meetingAttendance.id, id));
		expect(rows).toHaveLength(1);
	});
});
