import { index, text } from 'drizzle-orm/pg-core';
import { timestampColumns, optionalRefColumn } from '../db/columns';
import { tenants, tenantTable } from '../tenants/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { userRefColumn } from '../auth/schema';

/**
 * Bedarfe: what people need, recorded by coordinators from working groups, dialogues, citizens'
 * messages … Compared with published offers in the coverage view.
 */
export const needs = tenantTable(
	'needs',
	{
		title: text('title').notNull(),
		description: text('description'),
		fieldOfActionId: optionalRefColumn('field_of_action_id', () => fieldsOfAction.id),
		/** key from TARGET_GROUPS */
		targetGroup: text('target_group'),
		/** ISO 639-1 */
		language: text('language'),
		/** a municipality (child tenant) or the tenant itself when null */
		municipalityId: optionalRefColumn('municipality_id', () => tenants.id),
		/** working_group | dialogue | inquiry | statistics | counselling | other */
		sourceKind: text('source_kind', {
			enum: ['working_group', 'dialogue', 'inquiry', 'statistics', 'counselling', 'other']
		}).notNull(),
		sourceNote: text('source_note'),
		urgency: text('urgency', { enum: ['low', 'medium', 'high'] })
			.notNull()
			.default('medium'),
		status: text('status', { enum: ['open', 'covered', 'closed'] })
			.notNull()
			.default('open'),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [index('needs_tenant_idx').on(t.tenantId, t.status)]
);
