import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, testCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import {
	buildActionItem,
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import type { MembershipRole } from '../bodies/schema';
import { actionItems } from './schema';
import { outbox } from '../mail/schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { listBodyActionItems, listMyActionItems } from './action-items';
import {
	createActionItem,
	deleteActionItem,
	setActionItemState,
	updateActionItem
} from './action-item-changes';
import { sendActionItemReminders } from './action-item-reminders';
import { getMinutesPage } from './minutes';
import { saveMinutes } from './save-minutes';
import { approveMinutes } from './minutes-states';
import { berlinToday } from '../shared';
import { withTenant } from '../context';
import { agendaDocument } from './print';
import { renderHtml } from '../documents/html';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

const day = (offset: number) => berlinToday(new Date(Date.now() + offset * 86_400_000));

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db);
	const other = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, { name: 'Sportverein Blau-Weiß' });
	const otherOrg = await buildOrganization(db, other.id);
	const body = await buildBody(db, tenant.id, { name: 'AK Sport', visibility: 'network' });
	const person = async (
		role: Role,
		bodyRole?: MembershipRole,
		opts: { orgs?: string[]; represents?: string } = {}
	) => {
		const user = await buildUser(db);
		await grantRole(db, tenant.id, user.id, role, opts.orgs ?? []);
		if (bodyRole)
			await buildMembership(db, body, user.id, bodyRole, { organizationId: opts.represents });
		return user;
	};
	const speaker = await person('member', 'speaker');
	const assignee = await person('member', 'member');
	const bystander = await person('member', 'member');
	const orgEditor = await person('editor', undefined, { orgs: [org.id] });
	const orgRepresentative = await person('member', 'member', { represents: org.id });
	const stranger = await buildUser(db);
	await grantRole(db, other.id, stranger.id, 'coordinator');
	const meeting = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 86_400_000),
		state: 'invited'
	});
	const top = await buildAgendaItem(db, meeting, 1, { title: 'Sommerfest' });
	const ctxOf = async (u: { id: string } | null) =>
		testCtx(db, u ? await loadActor(db, u.id) : null);
	return {
		db,
		tenant,
		other,
		org,
		otherOrg,
		body,
		meeting,
		top,
		people: { speaker, assignee, bystander, orgEditor, orgRepresentative, stranger },
		ctxOf
	};
}

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
			createActionItem(withTenant(await s.ctxOf(s.people.bystander), s.tenant), {
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
		await setActionItemState(withTenant(await s.ctxOf(s.people.assignee), s.tenant), {
			actionItemId: item.id,
			state: 'in_progress'
		});
		let [row] = await s.db.select().from(actionItems).where(eq(actionItems.id, item.id));
		expect(row.state).toBe('in_progress');
		expect(row.completedAt).toBeNull();
		await setActionItemState(withTenant(await s.ctxOf(s.people.assignee), s.tenant), {
			actionItemId: item.id,
			state: 'done'
		});
		[row] = await s.db.select().from(actionItems).where(eq(actionItems.id, item.id));
		expect(row.state).toBe('done');
		expect(row.completedAt).not.toBeNull();
		await expect(
			setActionItemState(withTenant(await s.ctxOf(s.people.assignee), s.tenant), {
				actionItemId: item.id,
				state: 'finished'
			})
		).rejects.toBeInstanceOf(ValidationError);

		for (const who of [s.people.bystander, s.people.orgEditor, s.people.stranger]) {
			await expect(
				setActionItemState(withTenant(await s.ctxOf(who), s.tenant), {
					actionItemId: item.id,
					state: 'open'
				})
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await expect(
			setActionItemState(withTenant(await s.ctxOf(s.people.stranger), s.other), {
				actionItemId: item.id,
				state: 'open'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// the assignee may not edit or delete
		await expect(
			updateActionItem(withTenant(await s.ctxOf(s.people.assignee), s.tenant), {
				actionItemId: item.id,
				title: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			deleteActionItem(withTenant(await s.ctxOf(s.people.assignee), s.tenant), {
				actionItemId: item.id
			})
		).rejects.toBeInstanceOf(NotFoundError);

		await setActionItemState(withTenant(await s.ctxOf(s.people.speaker), s.tenant), {
			actionItemId: item.id,
			state: 'open'
		});
		[row] = await s.db.select().from(actionItems).where(eq(actionItems.id, item.id));
		expect(row.state).toBe('open');
		await deleteActionItem(withTenant(await s.ctxOf(s.people.speaker), s.tenant), {
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
			(await listMyActionItems(withTenant(await s.ctxOf(who), s.tenant))).map((a) => a.title);
		expect(await titles(s.people.orgEditor)).toEqual(['Hallenzeiten klären']);
		expect(await titles(s.people.orgRepresentative)).toEqual(['Hallenzeiten klären']);
		expect(await titles(s.people.assignee)).toEqual(['Protokoll verschicken']);
		expect(await titles(s.people.bystander)).toEqual([]);
		const mine = await listMyActionItems(withTenant(await s.ctxOf(s.people.orgEditor), s.tenant));
		expect(mine[0]).toMatchObject({
			assigneeOrganizationName: 'Sportverein Blau-Weiß',
			canChangeState: true,
			canEdit: false
		});
		await setActionItemState(withTenant(await s.ctxOf(s.people.orgEditor), s.tenant), {
			actionItemId: item.id,
			state: 'done'
		});
		// done items leave the default list, stay in "all"
		expect(await titles(s.people.orgEditor)).toEqual([]);
		expect(
			(
				await listMyActionItems(withTenant(await s.ctxOf(s.people.orgEditor), s.tenant), {
					filter: { state: 'all' }
				})
			).map((a) => a.state)
		).toEqual(['done']);
		await setActionItemState(withTenant(await s.ctxOf(s.people.orgRepresentative), s.tenant), {
			actionItemId: item.id,
			state: 'open'
		});
		await expect(
			setActionItemState(withTenant(await s.ctxOf(s.people.orgEditor), s.tenant), {
				actionItemId: personal.id,
				state: 'done'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// another tenant's list is not reachable
		await expect(
			listMyActionItems(withTenant(await s.ctxOf(s.people.stranger), s.tenant))
		).rejects.toBeInstanceOf(NotFoundError);
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
		const active = await listBodyActionItems(
			withTenant(await s.ctxOf(s.people.bystander), s.tenant),
			{ bodyId: s.body.id }
		);
		expect(active.items.map((a) => a.title)).toEqual(['überfällig', 'später', 'ohne Datum']);
		expect(active.items.every((a) => !a.canEdit && !a.canChangeState)).toBe(true);
		const done = await listBodyActionItems(withTenant(speaker, s.tenant), {
			bodyId: s.body.id,
			filter: { state: 'done' }
		});
		expect(done.items.map((a) => a.title)).toEqual(['erledigt']);
		// a network member outside the body, and another tenant: not found
		await expect(
			listBodyActionItems(withTenant(await s.ctxOf(s.people.orgEditor), s.tenant), {
				bodyId: s.body.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			listBodyActionItems(withTenant(await s.ctxOf(s.people.stranger), s.other), {
				bodyId: s.body.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('sendActionItemReminders', () => {
	it('mails once before the due date: the assignee, or the speakers for an organisation', async () => {
		const s = await setup();
		const soon = await buildActionItem(s.db, s.body, {
			title: 'Flyer drucken',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(2)
		});
		const late = await buildActionItem(s.db, s.body, {
			title: 'Halle buchen',
			assigneeOrganizationId: s.org.id,
			dueDate: day(-1),
			state: 'in_progress'
		});
		const far = await buildActionItem(s.db, s.body, {
			title: 'Jahresplanung',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(10)
		});
		const done = await buildActionItem(s.db, s.body, {
			title: 'Erledigtes',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(1),
			state: 'done'
		});
		const noDate = await buildActionItem(s.db, s.body, {
			title: 'Irgendwann',
			assigneeUserId: s.people.assignee.id
		});
		const mailsOf = async () =>
			(await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id))).map(
				(o) => o.payload
			);
		const before = (await mailsOf()).length;
		const first = await sendActionItemReminders(s.db, 'https://example.org');
		expect(first.items).toBeGreaterThanOrEqual(2);
		const sent = (await mailsOf()).slice(before);
		const toAssignee = sent.filter((p) => p.to === s.people.assignee.email);
		const toSpeaker = sent.filter((p) => p.to === s.people.speaker.email);
		expect(toAssignee.map((p) => p.subject)).toEqual([
			expect.stringContaining('Erinnerung: Aufgabe „Flyer drucken“')
		]);
		expect(toAssignee[0].text).toContain(`https://example.org/app/${s.tenant.slug}/aufgaben`);
		expect(toSpeaker.map((p) => p.subject)).toEqual(['Aufgabe „Halle buchen“ ist überfällig']);
		expect(toSpeaker[0].text).toContain(`/gremien/${s.body.id}/aufgaben`);
		expect(sent).toHaveLength(2);

		const reminded = async (id: string) =>
			(await s.db.select().from(actionItems).where(eq(actionItems.id, id)))[0].remindedAt;
		expect(await reminded(soon.id)).not.toBeNull();
		expect(await reminded(late.id)).not.toBeNull();
		for (const id of [far.id, done.id, noDate.id]) expect(await reminded(id)).toBeNull();

		// once only
		await sendActionItemReminders(s.db, 'https://example.org');
		expect((await mailsOf()).slice(before)).toHaveLength(2);

		// a week later the far one is due; a new due date arms the reminder again
		await updateActionItem(withTenant(await s.ctxOf(s.people.speaker), s.tenant), {
			actionItemId: soon.id,
			title: 'Flyer drucken',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(30)
		});
		expect(await reminded(soon.id)).toBeNull();
		await sendActionItemReminders(
			s.db,
			'https://example.org',
			new Date(Date.now() + 8 * 86_400_000)
		);
		const later = (await mailsOf()).slice(before + 2);
		expect(later.map((p) => p.subject)).toEqual([
			expect.stringContaining('Erinnerung: Aufgabe „Jahresplanung“')
		]);
	});
});
