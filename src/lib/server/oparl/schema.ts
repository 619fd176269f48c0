import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/schema';
import { users } from '../auth/schema';

/** Consent of a person to be published in the public interfaces and pages (OParl Person). */
export const personPublications = pgTable(
	'person_publications',
	{
		tenantId: uuid('tenant_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
		consentTextVersion: text('consent_text_version').notNull(),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId] })]
);

/** Objects removed from the public interface by deletion (OParl `deleted: true` entries). */
export const oparlTombstones = pgTable(
	'oparl_tombstones',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tenantId: uuid('tenant_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' }),
		/** OParl type name, e.g. "Meeting" */
		objectType: text('object_type').notNull(),
		objectId: uuid('object_id').notNull(),
		deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('oparl_tombstones_tenant_type_idx').on(t.tenantId, t.objectType, t.deletedAt),
		// a single object's tombstone by its id (the interface finds an object's tenant by it)
		index('oparl_tombstones_object_idx').on(t.objectId)
	]
);
