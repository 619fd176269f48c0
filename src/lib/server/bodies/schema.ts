import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import {
	createdAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn,
	tenantIdKey,
	tenantParentKey
} from '../db/columns';
import { tenantIdColumn, tenantTable } from '../tenants/schema';
import { userRefColumn, requiredUserRefColumn } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';

export const BODY_KINDS = [
	'network',
	'working_group',
	'steering_group',
	'advisory_council',
	'project_group',
	'municipal_network'
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** public: anyone; network: every signed-in member of the tenant; members: the body's members */
export const BODY_VISIBILITIES = ['public', 'network', 'members'] as const;
export type BodyVisibility = (typeof BODY_VISIBILITIES)[number];

/**
 * How often a body meets. weeks: every cadenceMinWeeks–cadenceMaxWeeks weeks (e.g. 6–8);
 * quarterly, half_yearly, yearly: once per period; none: no series (meetings planned one by one).
 */
export const CADENCE_KINDS = ['none', 'weeks', 'quarterly', 'half_yearly', 'yearly'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/** Gremien: network plenary, working groups, steering group, advisory council, project groups … */
export const bodies = tenantTable(
	'bodies',
	{
		kind: text('kind', { enum: BODY_KINDS }).notNull(),
		name: text('name').notNull(),
		/** e.g. "AK Bildung"; used in lists, mail subjects and the calendar */
		shortName: text('short_name'),
		description: text('description'),
		fieldOfActionId: optionalRefColumn('field_of_action_id', () => fieldsOfAction.id),
		/** Leitfragen: one question per line */
		guidingQuestions: text('guiding_questions'),
		visibility: text('visibility', { enum: BODY_VISIBILITIES }).notNull().default('network'),
		// meeting series
		cadenceKind: text('cadence_kind', { enum: CADENCE_KINDS }).notNull().default('none'),
		cadenceMinWeeks: integer('cadence_min_weeks'),
		cadenceMaxWeeks: integer('cadence_max_weeks'),
		/** ISO weekday 1 = Monday … 7 = Sunday */
		preferredWeekday: integer('preferred_weekday'),
		/** local time in Europe/Berlin, "HH:MM" */
		preferredTime: text('preferred_time'),
		durationMinutes: integer('duration_minutes').notNull().default(120),
		/** used when no host organisation is set (e.g. a room in the town hall) */
		defaultLocation: text('default_location'),
		/** whether the hosting rotates among member organisations willing to host */
		rotateHost: boolean('rotate_host').notNull().default(false),
		/** days before a meeting when members get a reminder; null: no reminder */
		reminderDays: integer('reminder_days').default(3),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [
		index('bodies_tenant_idx').on(t.tenantId, t.kind),
		check(
			'bodies_cadence_weeks',
			sql`${t.cadenceKind} <> 'weeks' OR (${t.cadenceMinWeeks} BETWEEN 1 AND 52 AND ${t.cadenceMaxWeeks} BETWEEN ${t.cadenceMinWeeks} AND 52)`
		),
		check(
			'bodies_weekday',
			sql`${t.preferredWeekday} IS NULL OR ${t.preferredWeekday} BETWEEN 1 AND 7`
		),
		check(
			'bodies_time',
			sql`${t.preferredTime} IS NULL OR ${t.preferredTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`
		),
		tenantIdKey('bodies', t)
	]
);
export type Body = typeof bodies.$inferSelect;

export const MEMBERSHIP_ROLES = ['speaker', 'moderator', 'member', 'deputy', 'guest'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A person's membership in a body, optionally on behalf of an organisation. */
export const bodyMemberships = tenantTable(
	'body_memberships',
	{
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		userId: requiredUserRefColumn('user_id'),
		organizationId: optionalRefColumn('organization_id', () => organizations.id),
		role: text('role', { enum: MEMBERSHIP_ROLES }).notNull().default('member'),
		startDate: date('start_date').notNull().defaultNow(),
		/** last day of the membership; null while it lasts */
		endDate: date('end_date'),
		...timestampColumns()
	},
	(t) => [
		index('body_memberships_body_idx').on(t.tenantId, t.bodyId),
		index('body_memberships_user_idx').on(t.userId),
		check('body_memberships_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
		tenantParentKey('body_memberships_tenant_body_fk', t, t.bodyId, bodies)
	]
);
export type BodyMembership = typeof bodyMemberships.$inferSelect;

/** A member's request to join a body; a speaker (or the coordinator) accepts or declines. */
export const bodyJoinRequests = tenantTable(
	'body_join_requests',
	{
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		userId: requiredUserRefColumn('user_id'),
		organizationId: optionalRefColumn('organization_id', () => organizations.id),
		message: text('message'),
		status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] })
			.notNull()
			.default('pending'),
		decidedBy: userRefColumn('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('body_join_requests_body_idx').on(t.tenantId, t.bodyId, t.status),
		uniqueIndex('body_join_requests_pending_key')
			.on(t.bodyId, t.userId)
			.where(sql`${t.status} = 'pending'`)
	]
);

/** Member organisations willing to host the body's meetings (rotation pool). */
export const bodyHosts = pgTable(
	'body_hosts',
	{
		tenantId: tenantIdColumn(),
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		organizationId: requiredRefColumn('organization_id', () => organizations.id),
		/** the address where meetings take place at this host, when not the organisation's own */
		location: text('location'),
		createdAt: createdAtColumn()
	},
	(t) => [primaryKey({ columns: [t.bodyId, t.organizationId] })]
);

/** Proposed series dates the coordinator skipped, so the next proposal moves past them. */
export const bodySkippedDates = pgTable(
	'body_skipped_dates',
	{
		tenantId: tenantIdColumn(),
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		date: date('date').notNull(),
		createdBy: userRefColumn('created_by'),
		createdAt: createdAtColumn()
	},
	(t) => [primaryKey({ columns: [t.bodyId, t.date] })]
);
