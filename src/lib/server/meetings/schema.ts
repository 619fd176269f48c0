import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	customType,
	index,
	integer,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import {
	createdAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn,
	tenantIdKey,
	tenantParentKey
} from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodies } from '../bodies/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v))
});

export const MEETING_STATES = ['planned', 'invited', 'held', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** host: at the host organisation's address; room: a named room/address; online: a link */
export const LOCATION_KINDS = ['host', 'room', 'online'] as const;

/** none → draft → shared (with attendees) → approved → published (with the body's visibility) */
export const MINUTES_STATES = ['none', 'draft', 'shared', 'approved', 'published'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

/** Sitzungen / Treffen of a body. */
export const meetings = tenantTable(
	'meetings',
	{
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		/** optional; the body's name and the date name the meeting otherwise */
		title: text('title'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		locationKind: text('location_kind', { enum: LOCATION_KINDS }).notNull().default('room'),
		/** address or room (for kind host: defaults to the host's address) */
		location: text('location'),
		onlineUrl: text('online_url'),
		hostOrganizationId: optionalRefColumn('host_organization_id', () => organizations.id),
		moderatorUserId: userRefColumn('moderator_user_id'),
		state: text('state', { enum: MEETING_STATES }).notNull().default('planned'),
		/** iCalendar SEQUENCE: raised on every change members were told about */
		sequence: integer('sequence').notNull().default(0),
		invitedAt: timestamp('invited_at', { withTimezone: true }),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		cancelReason: text('cancel_reason'),
		minutesState: text('minutes_state', { enum: MINUTES_STATES }).notNull().default('none'),
		/** general remarks of the minutes (before the items) */
		minutesIntro: text('minutes_intro'),
		minutesSharedAt: timestamp('minutes_shared_at', { withTimezone: true }),
		minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
		minutesApprovedBy: userRefColumn('minutes_approved_by'),
		/** when the minutes were approved at a later meeting */
		minutesApprovedInMeetingId: uuid('minutes_approved_in_meeting_id'),
		minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('meetings_tenant_time_idx').on(t.tenantId, t.startsAt),
		index('meetings_body_time_idx').on(t.bodyId, t.startsAt),
		check('meetings_time_order', sql`${t.endsAt} > ${t.startsAt}`),
		tenantParentKey('meetings_tenant_body_fk', t, t.bodyId, bodies),
		tenantIdKey('meetings', t)
	]
);
export type Meeting = typeof meetings.$inferSelect;

/** Tagesordnungspunkte (TOPs). Minutes per item live here too (notes, decision). */
export const agendaItems = tenantTable(
	'agenda_items',
	{
		meetingId: requiredRefColumn('meeting_id', () => meetings.id),
		/** order on the agenda, 1-based; the TOP number is derived from it */
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		responsibleUserId: userRefColumn('responsible_user_id'),
		plannedMinutes: integer('planned_minutes'),
		isPublic: boolean('is_public').notNull().default(true),
		/** Protokoll: what was discussed */
		notes: text('notes'),
		/** Beschluss (OParl AgendaItem.resolutionText) */
		decision: text('decision'),
		...timestampColumns()
	},
	(t) => [
		index('agenda_items_meeting_idx').on(t.meetingId, t.position),
		check('agenda_items_minutes', sql`${t.plannedMinutes} IS NULL OR ${t.plannedMinutes} > 0`),
		tenantParentKey('agenda_items_tenant_meeting_fk', t, t.meetingId, meetings)
	]
);
export type AgendaItem = typeof agendaItems.$inferSelect;

/** Referent:innen: guests presenting an agenda item; they need no account. */
export const agendaItemSpeakers = tenantTable(
	'agenda_item_speakers',
	{
		agendaItemId: requiredRefColumn('agenda_item_id', () => agendaItems.id),
		name: text('name').notNull(),
		/** organisation or function, free text */
		affiliation: text('affiliation'),
		/** only for sending them the invitation; never shown publicly */
		email: text('email'),
		createdAt: createdAtColumn()
	},
	(t) => [index('agenda_item_speakers_item_idx').on(t.agendaItemId)]
);

/**
 * Files attached to a meeting or an agenda item (later also papers). Content is kept in the
 * database; served as download (Content-Disposition: attachment) unless the type is safe inline.
 */
export const files = tenantTable(
	'files',
	{
		meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
		agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, {
			onDelete: 'cascade'
		}),
		fileName: text('file_name').notNull(),
		mediaType: text('media_type').notNull(),
		size: integer('size').notNull(),
		/** hex SHA-256 of the content (OParl File.sha512Checksum is optional; ETag) */
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		isPublic: boolean('is_public').notNull().default(false),
		uploadedBy: userRefColumn('uploaded_by'),
		...timestampColumns()
	},
	(t) => [
		index('files_meeting_idx').on(t.meetingId),
		index('files_agenda_item_idx').on(t.agendaItemId),
		check('files_size', sql`${t.size} >= 0`),
		tenantParentKey('files_tenant_meeting_fk', t, t.meetingId, meetings)
	]
);
