import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdKey, tenantParentKey, timestampColumns } from '../db/columns';
import { tenants, tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { organizations } from '../organizations/schema';

export const TOURING_PROJECT_STATUSES = ['draft', 'published'] as const;
export const TOURING_STOP_STATUSES = ['requested', 'confirmed', 'declined', 'cancelled'] as const;
export type TouringStopStatus = (typeof TOURING_STOP_STATUSES)[number];

/**
 * A project of a district that tours its municipalities (e.g. the "Mobile Elternbegleitung –
 * Beratungsbus"). Kept by the district (tenant_id); its stops name the municipalities.
 */
export const touringProjects = tenantTable(
	'touring_projects',
	{
		title: text('title').notNull(),
		description: text('description'),
		/** the organisation that runs it, if it is one of the network's */
		organizationId: uuid('organization_id').references(() => organizations.id, {
			onDelete: 'set null'
		}),
		status: text('status', { enum: TOURING_PROJECT_STATUSES }).notNull().default('draft'),
		...timestampColumns()
	},
	(t) => [tenantIdKey('touring_projects', t)]
);

/**
 * A stop of a touring project in one municipality of the district. A municipality's request
 * (status requested, time may be open) becomes a date when the district confirms it.
 */
export const touringStops = tenantTable(
	'touring_stops',
	{
		projectId: uuid('project_id').notNull(),
		/** the municipality (a child tenant of the district) */
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' }),
		place: text('place').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }),
		endsAt: timestamp('ends_at', { withTimezone: true }),
		status: text('status', { enum: TOURING_STOP_STATUSES }).notNull().default('requested'),
		/** the municipality's note with its request (internal) */
		requestNote: text('request_note'),
		requestedBy: userRefColumn('requested_by'),
		decidedBy: userRefColumn('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [
		tenantParentKey('touring_stops_project_fk', t, t.projectId, touringProjects),
		index('touring_stops_tenant_starts_idx').on(t.tenantId, t.status, t.startsAt),
		index('touring_stops_municipality_idx').on(t.municipalityId, t.status, t.startsAt)
	]
);

export type TouringProjectRow = typeof touringProjects.$inferSelect;
export type TouringStopRow = typeof touringStops.$inferSelect;
