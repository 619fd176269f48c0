import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../db/columns';
import { tenants } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';

/** Who changed what, when, with the state before and after. Written in the same transaction as the change. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		/** null for platform-level changes (e.g. creating a tenant is logged on the new tenant) */
		tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
		actorId: userRefColumn('actor_id'),
		/**
		 * set when the actor's account was erased (Art. 17): a random name for the person, the same
		 * on all their entries, kept with no link back to them
		 */
		actorPseudonym: text('actor_pseudonym'),
		/** e.g. "invitation.create", "user.sign_in" */
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		requestId: text('request_id'),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('audit_log_tenant_idx').on(t.tenantId, t.createdAt),
		index('audit_log_entity_idx').on(t.entityType, t.entityId)
	]
);
