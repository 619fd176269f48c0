import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { buildActionItem, buildAgendaItem, buildMeeting } from '../factories';
import { actionItems } from './schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { listBodyActionItems, listMyActionItems } from './action-items';
import {
	createActionItem,
	deleteActionItem,
	setActionItemState,
	updateActionItem
} from './action-item-changes';
import { getMinutesPage } from './minutes';
import { saveMinutes } from './save-minutes';
import { approveMinutes } from './minutes-states';
import { withTenant } from '../context';
import { agendaDocument } from './print';
import { renderHtml } from '../documents/html';
import { day, setupActionItems } from './testing';

const setup = useTestSetup(setupActionItems);

describe('action items from the minutes', () => {
	it('are created with the minutes, linked to body, meeting and agenda item, and audited', async () => {
		const s = await setup();
		const ctx = await s.ctxOf(s.people.speaker);
		const prefix = `action_${s.top.id}_`;
		// bad input: errors per field of that item's new action item, nothing written
		await expect(
			saveMinutes(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				[`notes_${s.top.id}`]: 'Fest am 1. Juli',
				[`${prefix}title`]: '',
				[`${prefix}assigneeUserId`]: s.people.stranger.id,
				[`${prefix}assigneeOrganizationId`]: s.otherOrg.id,
				[`${prefix}dueDate`]: '2026-02-30'
			})
		).rejects.toMatchObject({
			fieldErrors: {
				[`${prefix}title`]: 'minutes_error_action_title_required',
				[`${prefix}dueDate`]: 'minutes_error_due_invalid'
			}
		});
		await expect(
			saveMinutes(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				[`${prefix}title`]: 'Flyer',
				[`${prefix}assigneeUserId`]: s.people.stranger.id,
				[`${prefix}assigneeOrganizationId`]: s.otherOrg.id
			})
		).rejects.toMatchObject({
			fieldErrors: {
				[`${prefix}assigneeUserId`]: 'minutes_error_assignee_invalid',
				[`${prefix}assigneeOrganizationId`]: 'minutes_error_organization_invalid'
			}
		});
		expect(await s.db.select().from(actionItems).where(eq(actionItems.bodyId, s.body.id))).toEqual(
			[]
		);

		const { actionItemsCreated } = await saveMinutes(withTenant(ctx, s.tenant), {
			meetingId: s.meeting.id,
			[`notes_${s.top.id}`]: 'Fest am 1. Juli',
			[`${prefix}title`]: 'Flyer gestalten',
			[`${prefix}description`]: 'zweisprachig',
			[`${prefix}assigneeUserId`]: s.people.assignee.id,
			[`${prefix}assigneeOrganizationId`]: s.org.id,
			[`${prefix}dueDate`]: day(14)
		});
		expect(actionItemsCreated).toBe(1);
		const [row] = await s.db.select().from(actionItems).where(eq(actionItems.bodyId, s.body.id));
		expect(row).toMatchObject({
			tenantId: s.tenant.id,
			meetingId: s.meeting.id,
			agendaItemId: s.top.id,
			title: 'Flyer gestalten',
			description: 'zweisprachig',
			assigneeUserId: s.people.assignee.id,
			assigneeOrganizationId: s.org.id,
			dueDate: day(14),
			state: 'open',
			createdBy: s.people.speaker.id
		});
		const [audit] = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'action_item.create')));
		expect(audit.after).toMatchObject({ name: 'Flyer gestalten' });
		// the minutes show it under its item
		const page = await getMinutesPage(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(page.minutes?.items[0].actionItems.map((a) => a.title)).toEqual(['Flyer gestalten']);

		// also one by one; but not by a member, not for another meeting's item, not after approval
		const { id } = await createActionItem(withTenant(ctx, s.tenant), {
			meetingId: s.meeting.id,
			agendaItemId: s.top.id,
			title: 'Getränke'
		});
		expect(id).toBeTruthy();
		await expect(
			createActionItem(await s.ctxIn(s.people.bystander), {
				meetingId: s.meeting.id,
				agendaItemId: s.top.id,
				title: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const otherMeeting = await buildMeeting(s.db, s.body);
		const otherTop = await buildAgendaItem(s.db, otherMeeting, 1);
		await expect(
			createActionItem(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				agendaItemId: otherTop.id,
				title: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		await expect(
			createActionItem(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				agendaItemId: s.top.id,
				title: 'zu spät'
			})
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		// after approval an item cannot be deleted, only cancelled; editing stays possible
		await expect(
			deleteActionItem(withTenant(ctx, s.tenant), { actionItemId: id })
		).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_action_locked' }
		});
		await updateActionItem(withTenant(ctx, s.tenant), {
			actionItemId: id,
			title: 'Getränke besorgen',
			dueDate: day(3)
		});
		const [changed] = await s.db.select().from(actionItems).where(eq(actionItems.id, id));
		expect(changed).toMatchObject({ title: 'Getränke besorgen', dueDate: day(3) });

		// the open items appear on the next meeting's agenda (PDF and print view)
		const next = renderHtml((await agendaDocument(ctx, s.tenant.id, otherMeeting.id)).model);
		expect(next).toContain('TOP 2: Offene Aufgaben aus früheren Sitzungen');
		expect(next).toContain('<th scope="row">Flyer gestalten</th>');
		expect(next).toContain('Getränke besorgen');
	});
});

describe('state changes', () => {
	it('the assignee and managers may change the state; others may not', async () => {
		const s = await setup();
		const item = await buildActionItem(s.db, s.body, { assigneeUserId: s.people.assignee.id });
		await setActionItemState(await s.ctxIn(s.people.assignee), {
			actionItemId: item.id,
			state: 'in_progress'
		});
		let [row] = await s.db.select().from(actionItems).where(eq(actionItems.id, item.id));
		expect(row.state).toBe('in_progress');
		expect(row.completedAt).toBeNull();
		await setActionItemState(await s.ctxIn(s.people.assignee), {
			actionItemId: item.id,
			state: 'done'
		});
		[row] = await s.db.select().from(actionItems).where(eq(actionItems.id, item.id));
		expect(row.state).toBe('done');
		expect(row.completedAt).not.toBeNull();
		await expect(
			setActionItemState(await s.ctxIn(s.people.assignee), {
				actionItemId: item.id,
				state: 'finished'
			})
		).rejects.toBeInstanceOf(ValidationError);

		for (const who of [s.people.bystander, s.people.orgEditor, s.people.stranger]) {
			await expect(
				setActionItemState(await s.ctxIn(who), {
					actionItemId: item.id,
					state: 'open'
				})
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await expect(
			setActionItemState(await s.ctxIn(s.people.stranger, s.other), {
				actionItemId: item.id,
				state: 'open'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// the assignee may not edit or delete
		await expect(
			updateActionItem(await s.ctxIn(s.people.assignee), {
				actionItemId: item.id,
				title: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			deleteActionItem(await s.ctxIn(s.people.assignee), {
				actionItemId: item.id
			})
		).rejects.toBeInstanceOf(NotFoundError);

		await setActionItemState(await s.ctxIn(s.people.speaker), {
			actionItemId: item.id,
			state: 'open'
		});
		[row] = await s.db.select().from(actionItems).where(eq(actionItems.id, item.id));
		expect(row.state).toBe('open');
		await deleteActionItem(await s.ctxIn(s.people.speaker), {
			actionItemId: item.id
		});
		expect(await s.db.select().from(actionItems).where(eq(actionItems.id, item.id))).toEqual([]);
	});

	it('an item of an organisation: its editors and representatives see it and change its state', async () => {
		const s = await setup();
		const item = await buildActionItem(s.db, s.body, {
			title: 'Hallenzeiten klären',
			assigneeOrganizationId: s.org.id
		});
		const personal = await buildActionItem(s.db, s.body, {
			title: 'Protokoll verschicken',
			assigneeUserId: s.people.assignee.id
		});
		const titles = async (who: { id: string }) =>
			(await listMyActionItems(await s.ctxIn(who))).map((a) => a.title);
		expect(await titles(s.people.orgEditor)).toEqual(['Hallenzeiten klären']);
		expect(await titles(s.people.orgRepresentative)).toEqual(['Hallenzeiten klären']);
		expect(await titles(s.people.assignee)).toEqual(['Protokoll verschicken']);
		expect(await titles(s.people.bystander)).toEqual([]);
		const mine = await listMyActionItems(await s.ctxIn(s.people.orgEditor));
		expect(mine[0]).toMatchObject({
			assigneeOrganizationName: 'Sportverein Blau-Weiß',
			canChangeState: true,
			canEdit: false
		});
		await setActionItemState(await s.ctxIn(s.people.orgEditor), {
			actionItemId: item.id,
			state: 'done'
		});
		// done items leave the default list, stay in "all"
		expect(await titles(s.people.orgEditor)).toEqual([]);
		expect(
			(
				await listMyActionItems(await s.ctxIn(s.people.orgEditor), {
					filter: { state: 'all' }
				})
			).map((a) => a.state)
		).toEqual(['done']);
		await setActionItemState(await s.ctxIn(s.people.orgRepresentative), {
			actionItemId: item.id,
			state: 'open'
		});
		await expect(
			setActionItemState(await s.ctxIn(s.people.orgEditor), {
				actionItemId: personal.id,
				state: 'done'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// another tenant's list is not reachable
		await expect(listMyActionItems(await s.ctxIn(s.people.stranger))).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});

describe('lists', () => {
	it("the body's list: open first with overdue on top, for managers and members only", async () => {
		const s = await setup();
		await buildActionItem(s.db, s.body, { title: 'später', dueDate: day(20) });
		await buildActionItem(s.db, s.body, { title: 'ohne Datum' });
		await buildActionItem(s.db, s.body, { title: 'überfällig', dueDate: day(-3) });
		await buildActionItem(s.db, s.body, { title: 'erledigt', dueDate: day(-10), state: 'done' });
		const speaker = await s.ctxOf(s.people.speaker);
		const list = await listBodyActionItems(withTenant(speaker, s.tenant), {
			bodyId: s.body.id,
			filter: { state: 'all' }
		});
		expect(list.items.map((a) => [a.title, a.overdue])).toEqual([
			['überfällig', true],
			['später', false],
			['ohne Datum', false],
			['erledigt', false]
		]);
		expect(list.canManage).toBe(true);
		const active = await listBodyActionItems(await s.ctxIn(s.people.bystander), {
			bodyId: s.body.id
		});
		expect(active.items.map((a) => a.title)).toEqual(['überfällig', 'später', 'ohne Datum']);
		expect(active.items.every((a) => !a.canEdit && !a.canChangeState)).toBe(true);
		const done = await listBodyActionItems(withTenant(speaker, s.tenant), {
			bodyId: s.body.id,
			filter: { state: 'done' }
		});
		expect(done.items.map((a) => a.title)).toEqual(['erledigt']);
		// a network member outside the body, and another tenant: not found
		await expect(
			listBodyActionItems(await s.ctxIn(s.people.orgEditor), {
				bodyId: s.body.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			listBodyActionItems(await s.ctxIn(s.people.stranger, s.other), {
				bodyId: s.body.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
