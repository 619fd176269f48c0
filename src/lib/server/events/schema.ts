import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestampColumns, tenantIdKey } from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { users } from '../auth/schema';

export const EVENT_STATUSES = ['draft', 'published'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * Network events (Veranstaltungen) such as the Interkulturelle Woche. Public meetings of public
 * bodies are not stored here: the public events list adds them from meetings/ itself.
 * All texts in this one table, so translated versions can be added beside it later.
 */
export const networkEvents = tenantTable(
	'network_events',
	{
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		description: text('description'),
		place: text('place'),
		registrationNote: text('registration_note'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }),
		status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
		...timestampColumns()
	},
	(t) => [
		tenantIdKey('network_events', t),
		index('network_events_tenant_starts_idx').on(t.tenantId, t.startsAt)
	]
);

export type NetworkEvent = typeof networkEvents.$inferSelect;
