import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestampColumns } from '../db/columns';
import { tenantIdColumn, tenantTable } from '../tenants/schema';
import { requiredUserRefColumn } from '../auth/schema';

/** Consent of a person to be published in the public interfaces and pages (OParl Person). */
export const personPublications = pgTable(
	'person_publications',
	{
		tenantId: tenantIdColumn(),
		userId: requiredUserRefColumn('user_id'),
		consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
		consentTextVersion: text('consent_text_version').notNull(),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId] })]
);

/** Objects removed from the public interface by deletion (OParl `deleted: true` entries). */
export const oparlTombstones = tenantTable(
	'oparl_tombstones',
	{
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
