import { integer, jsonb, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../db/columns';
import { tenantTable } from '../tenants/schema';

/** Names per locale; German is always present. */
export type LocalizedNames = { de: string } & Partial<Record<string, string>>;

/**
 * Handlungsfelder (fields of action) of a tenant: the shared vocabulary of offers, needs,
 * working groups and the integration concept.
 */
export const fieldsOfAction = tenantTable(
	'fields_of_action',
	{
		key: text('key').notNull(),
		names: jsonb('names').$type<LocalizedNames>().notNull(),
		position: integer('position').notNull().default(0),
		createdAt: createdAtColumn()
	},
	(t) => [uniqueIndex('fields_of_action_tenant_key').on(t.tenantId, t.key)]
);
export type FieldOfAction = typeof fieldsOfAction.$inferSelect;
