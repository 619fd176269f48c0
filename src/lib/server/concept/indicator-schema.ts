/** Indicators of a tenant (they outlive editions), their links to goals and their values. */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	pgTable,
	primaryKey,
	text,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAtColumn, timestampColumns, requiredRefColumn } from '../db/columns';
import { tenants, tenantIdColumn, tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { conceptGoals } from './schema';

export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const INDICATOR_LEVELS = ['tenant', 'municipality'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/** Indikatoren of the tenant. */
export const indicators = tenantTable(
	'concept_indicators',
	{
		/** key of the starter library entry it was adopted from */
		libraryKey: text('library_key'),
		name: text('name').notNull(),
		definition: text('definition'),
		numerator: text('numerator'),
		denominator: text('denominator'),
		unit: text('unit').notNull(),
		source: text('source'),
		direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
		level: text('level', { enum: INDICATOR_LEVELS }).notNull().default('tenant'),
		baselineValue: doublePrecision('baseline_value'),
		baselineDate: date('baseline_date'),
		targetValue: doublePrecision('target_value'),
		targetDate: date('target_date'),
		isPublic: boolean('is_public').notNull().default(true),
		...timestampColumns()
	},
	(t) => [
		index('concept_indicators_tenant_idx').on(t.tenantId),
		unique('concept_indicators_library_key').on(t.tenantId, t.libraryKey)
	]
);
export type Indicator = typeof indicators.$inferSelect;

export const indicatorGoals = pgTable(
	'concept_indicator_goals',
	{
		tenantId: tenantIdColumn(),
		indicatorId: requiredRefColumn('indicator_id', () => indicators.id),
		goalId: requiredRefColumn('goal_id', () => conceptGoals.id)
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.goalId] })]
);

/**
 * Measured values. municipalityId null: the tenant as a whole. breakdown: a dimension (sex,
 * age_group, nationality_group) and its category; both null: the total.
 */
export const indicatorValues = tenantTable(
	'concept_indicator_values',
	{
		indicatorId: requiredRefColumn('indicator_id', () => indicators.id),
		municipalityId: uuid('municipality_id').references(() => tenants.id, { onDelete: 'cascade' }),
		date: date('date').notNull(),
		value: doublePrecision('value').notNull(),
		sourceNote: text('source_note'),
		breakdownDimension: text('breakdown_dimension'),
		breakdownCategory: text('breakdown_category'),
		/** demo figures are marked as such wherever they are shown */
		isDemo: boolean('is_demo').notNull().default(false),
		createdBy: userRefColumn('created_by'),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('concept_indicator_values_idx').on(t.tenantId, t.indicatorId, t.date),
		unique('concept_indicator_values_key')
			.on(t.indicatorId, t.municipalityId, t.date, t.breakdownDimension, t.breakdownCategory)
			.nullsNotDistinct(),
		check(
			'concept_indicator_values_breakdown',
			sql`(${t.breakdownDimension} IS NULL) = (${t.breakdownCategory} IS NULL)`
		)
	]
);
export type IndicatorValue = typeof indicatorValues.$inferSelect;
