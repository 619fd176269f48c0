import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	foreignKey
} from 'drizzle-orm/pg-core';
import { idColumn, createdAtColumn, updatedAtColumn } from '../db/columns';
import { tenantIdColumn } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';

export const ATTENDANCE_STATES = ['present', 'excused', 'absent'] as const;

/** Anwesenheitsliste: members (userId) and guests (guestName). */
export const meetingAttendance = pgTable(
	'meeting_attendance',
	{
		id: idColumn(),
		tenantId: tenantIdColumn(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
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
export const actionItems = pgTable(
	'action_items',
	{
		id: idColumn(),
		tenantId: tenantIdColumn(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		/** the meeting (and item) whose minutes created it */
		meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, {
			onDelete: 'set null'
		}),
		title: text('title').notNull(),
		description: text('description'),
		assigneeUserId: userRefColumn('assignee_user_id'),
		assigneeOrganizationId: uuid('assignee_organization_id').references(() => organizations.id, {
			onDelete: 'set null'
		}),
		dueDate: date('due_date'),
		state: text('state', { enum: ACTION_ITEM_STATES }).notNull().default('open'),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		/** when the reminder before the due date was sent */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		createdBy: userRefColumn('created_by'),
		createdAt: createdAtColumn(),
		updatedAt: updatedAtColumn()
	},
	(t) => [
		index('action_items_body_idx').on(t.tenantId, t.bodyId, t.state),
		index('action_items_assignee_idx').on(t.assigneeUserId, t.state),
		index('action_items_due_idx').on(t.state, t.dueDate),
		foreignKey({
			name: 'action_items_tenant_body_fk',
			columns: [t.tenantId, t.bodyId],
			foreignColumns: [bodies.tenantId, bodies.id]
		}).onDelete('cascade')
	]
);
export type ActionItem = typeof actionItems.$inferSelect;
