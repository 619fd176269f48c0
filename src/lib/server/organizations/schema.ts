import {
	index,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	foreignKey
} from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/schema';

/** Kinds of actors (Sprachschule, Beratungsstelle …); each tenant keeps its own list. */
export const organizationTypes = pgTable(
	'organization_types',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tenantId: uuid('tenant_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		name: text('name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('organization_types_tenant_key').on(t.tenantId, t.key)]
);

export const organizations = pgTable(
	'organizations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the tenant that keeps the record */
		tenantId: uuid('tenant_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' }),
		typeId: uuid('type_id').references(() => organizationTypes.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		description: text('description'),
		website: text('website'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('organizations_tenant_idx').on(t.tenantId, t.name)]
);

/** Further tenants an organisation takes part in (e.g. the municipalities of a district). */
export const organizationTenants = pgTable(
	'organization_tenants',
	{
		organizationId: uuid('organization_id').notNull(),
		tenantId: uuid('tenant_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.organizationId, t.tenantId] }),
		foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete(
			'cascade'
		),
		index('organization_tenants_tenant_idx').on(t.tenantId)
	]
);
