/** Prioritisation by dot voting: rounds and the points members gave. */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn, requiredRefColumn } from '../db/columns';
import { tenantIdColumn, tenantTable } from '../tenants/schema';
import { userRefColumn, requiredUserRefColumn } from '../auth/schema';
import { bodies } from '../bodies/schema';
import { conceptEditions, conceptMeasures } from './schema';

/** Punktabfrage: a round of dot voting on proposed measures. bodyId null: the whole network. */
export const priorityRounds = tenantTable(
	'concept_priority_rounds',
	{
		editionId: requiredRefColumn('edition_id', () => conceptEditions.id),
		bodyId: uuid('body_id').references(() => bodies.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		pointsPerMember: integer('points_per_member').notNull(),
		state: text('state', { enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		createdBy: userRefColumn('created_by'),
		createdAt: createdAtColumn(),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [
		index('concept_priority_rounds_tenant_idx').on(t.tenantId, t.editionId),
		check('concept_priority_rounds_points', sql`${t.pointsPerMember} BETWEEN 1 AND 100`)
	]
);
export type PriorityRound = typeof priorityRounds.$inferSelect;

/** Points a member gave a measure in a round. */
export const priorityAllocations = pgTable(
	'concept_priority_allocations',
	{
		tenantId: tenantIdColumn(),
		roundId: requiredRefColumn('round_id', () => priorityRounds.id),
		userId: requiredUserRefColumn('user_id'),
		measureId: requiredRefColumn('measure_id', () => conceptMeasures.id),
		points: integer('points').notNull(),
		updatedAt: updatedAtColumn()
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.userId, t.measureId] }),
		index('concept_priority_allocations_measure_idx').on(t.roundId, t.measureId),
		check('concept_priority_allocations_points', sql`${t.points} > 0`)
	]
);
