import { sql } from 'drizzle-orm';
import { check, date, index, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
	createdAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn,
	tenantParentKey
} from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';

export const ATTENDANCE_STATES = ['present', 'excused', 'absent'] as const;

/** Anwesenheitsliste: members (userId) and guests (guestName). */
export const meetingAttendance = tenantTable(
	'meeting_attendance',
	{
		meetingId: requiredRefColumn('meeting_id', () => meetings.id),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		guestName: text('guest_name'),
		/** organisation or function of a guest, or the organisation a member represented */
		affiliation: text('affiliation'),
		status: text('status', { enum: ATTENDANCE_STATES }).notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [
		uniqueIndex('meeting_attendance_member_key')
			.on(t.meetingId, t.userId)
			.where(sql`${t.userId} IS NOT NULL`),
		check('meeting_attendance_who', sql`(${t.userId} IS NOT NULL) <> (${t.guestName} IS NOT NULL)`)
	]
);

export const ACTION_ITEM_STATES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];

/** Aufgaben from the minutes: what, who (person or organisation), by when. */
export const actionItems = tenantTable(
	'action_items',
	{
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		/** the meeting (and item) whose minutes created it */
		meetingId: optionalRefColumn('meeting_id', () => meetings.id),
		agendaItemId: optionalRefColumn('agenda_item_id', () => agendaItems.id),
		title: text('title').notNull(),
		description: text('description'),
		assigneeUserId: userRefColumn('assignee_user_id'),
		assigneeOrganizationId: optionalRefColumn('assignee_organization_id', () => organizations.id),
		dueDate: date('due_date'),
		state: text('state', { enum: ACTION_ITEM_STATES }).notNull().default('open'),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		/** when the reminder before the due date was sent */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('action_items_body_idx').on(t.tenantId, t.bodyId, t.state),
		index('action_items_assignee_idx').on(t.assigneeUserId, t.state),
		index('action_items_due_idx').on(t.state, t.dueDate),
		tenantParentKey('action_items_tenant_body_fk', t, t.bodyId, bodies)
	]
);
export type ActionItem = typeof actionItems.$inferSelect;
