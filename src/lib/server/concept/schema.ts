import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import {
	createdAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn,
	tenantIdKey,
	tenantParentKey
} from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { bodies } from '../bodies/schema';

/**
 * Integrationskonzept. A tenant's concept has editions (e.g. 2010, revised 2018); each edition
 * holds the Leitbild, guidelines (Leitlinien), goals per field of action and measures. Indicators
 * and their values belong to the tenant (they outlive editions) and link to goals.
 */
export const EDITION_STATES = ['draft', 'adopted', 'superseded'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

export const conceptEditions = tenantTable(
	'concept_editions',
	{
		/** e.g. "Integrationskonzept 2018 (Fortschreibung)" */
		title: text('title').notNull(),
		/** Leitbild (mission statement) of this edition */
		leitbild: text('leitbild'),
		state: text('state', { enum: EDITION_STATES }).notNull().default('draft'),
		adoptedOn: date('adopted_on'),
		/** the body that adopted it, as text (e.g. "Kreistag") … */
		adoptedBy: text('adopted_by'),
		/** … or one of the tenant's bodies */
		adoptedByBodyId: optionalRefColumn('adopted_by_body_id', () => bodies.id),
		/** the edition this one was copied from */
		basedOnId: uuid('based_on_id'),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('concept_editions_tenant_idx').on(t.tenantId, t.state),
		check('concept_editions_adopted', sql`${t.state} <> 'adopted' OR ${t.adoptedOn} IS NOT NULL`),
		tenantIdKey('concept_editions', t)
	]
);
export type ConceptEdition = typeof conceptEditions.$inferSelect;

/** Leitlinien of an edition. originId: the guideline of the previous edition it was copied from. */
export const conceptGuidelines = tenantTable(
	'concept_guidelines',
	{
		editionId: requiredRefColumn('edition_id', () => conceptEditions.id),
		originId: uuid('origin_id'),
		position: integer('position').notNull().default(0),
		title: text('title').notNull(),
		explanation: text('explanation'),
		createdAt: createdAtColumn()
	},
	(t) => [index('concept_guidelines_edition_idx').on(t.tenantId, t.editionId, t.position)]
);
export type ConceptGuideline = typeof conceptGuidelines.$inferSelect;

/** Leitfragen: questions a guideline raises for one working group (a body). */
export const conceptGuidingQuestions = tenantTable(
	'concept_guiding_questions',
	{
		guidelineId: requiredRefColumn('guideline_id', () => conceptGuidelines.id),
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		position: integer('position').notNull().default(0),
		question: text('question').notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('concept_guiding_questions_body_idx').on(t.tenantId, t.bodyId),
		index('concept_guiding_questions_guideline_idx').on(t.guidelineId)
	]
);

/** Ziele of an edition, per field of action. */
export const conceptGoals = tenantTable(
	'concept_goals',
	{
		editionId: requiredRefColumn('edition_id', () => conceptEditions.id),
		fieldOfActionId: requiredRefColumn('field_of_action_id', () => fieldsOfAction.id),
		originId: uuid('origin_id'),
		position: integer('position').notNull().default(0),
		title: text('title').notNull(),
		description: text('description'),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('concept_goals_edition_idx').on(t.tenantId, t.editionId, t.fieldOfActionId),
		tenantParentKey('concept_goals_tenant_edition_fk', t, t.editionId, conceptEditions),
		tenantIdKey('concept_goals', t)
	]
);
export type ConceptGoal = typeof conceptGoals.$inferSelect;

/**
 * What a measure state means for the logic: proposed (waits for prioritisation), active
 * (planned … in progress), completed, deferred (zurückgestellt: no progress figure, never overdue).
 */
export const STATE_CATEGORIES = ['proposed', 'active', 'completed', 'deferred'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

/** The tenant's measure states with their preset progress (as Decidim's accountability). */
export const measureStates = tenantTable(
	'concept_measure_states',
	{
		key: text('key').notNull(),
		name: text('name').notNull(),
		category: text('category', { enum: STATE_CATEGORIES }).notNull(),
		/** preset progress in percent; null: none (e.g. deferred) */
		progress: integer('progress'),
		position: integer('position').notNull().default(0),
		createdAt: createdAtColumn()
	},
	(t) => [
		unique('concept_measure_states_key').on(t.tenantId, t.key),
		check(
			'concept_measure_states_progress',
			sql`${t.progress} IS NULL OR ${t.progress} BETWEEN 0 AND 100`
		)
	]
);
export type MeasureState = typeof measureStates.$inferSelect;

/** Maßnahmen of an edition, under a goal. */
export const conceptMeasures = tenantTable(
	'concept_measures',
	{
		editionId: requiredRefColumn('edition_id', () => conceptEditions.id),
		goalId: requiredRefColumn('goal_id', () => conceptGoals.id),
		originId: uuid('origin_id'),
		title: text('title').notNull(),
		description: text('description'),
		/** organisations of the tenant responsible for it (checked by the service) */
		responsibleOrganizationIds: uuid('responsible_organization_ids')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		/** the body (working group …) in charge */
		bodyId: optionalRefColumn('body_id', () => bodies.id),
		/** partners, free text (organisations outside the network too) */
		partners: text('partners'),
		/** keys from TARGET_GROUPS */
		targetGroups: text('target_groups')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** municipalities (child tenants); empty: the whole tenant */
		municipalityIds: uuid('municipality_ids')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		startDate: date('start_date'),
		endDate: date('end_date'),
		/** whole euros */
		costEuro: integer('cost_euro'),
		funding: text('funding'),
		stateId: uuid('state_id')
			.notNull()
			.references(() => measureStates.id, { onDelete: 'restrict' }),
		/** overrides the state's preset progress; null: the preset */
		progressOverride: integer('progress_override'),
		isPublic: boolean('is_public').notNull().default(true),
		/** set when the coordinator adopted it from a prioritisation round */
		priorityRank: integer('priority_rank'),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('concept_measures_edition_idx').on(t.tenantId, t.editionId, t.goalId),
		check(
			'concept_measures_progress',
			sql`${t.progressOverride} IS NULL OR ${t.progressOverride} BETWEEN 0 AND 100`
		),
		check(
			'concept_measures_dates',
			sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`
		),
		check('concept_measures_cost', sql`${t.costEuro} IS NULL OR ${t.costEuro} >= 0`),
		tenantParentKey('concept_measures_tenant_goal_fk', t, t.goalId, conceptGoals),
		tenantIdKey('concept_measures', t)
	]
);
export type ConceptMeasure = typeof conceptMeasures.$inferSelect;

/** Every change of a measure's state or progress. */
export const measureHistory = tenantTable(
	'concept_measure_history',
	{
		measureId: requiredRefColumn('measure_id', () => conceptMeasures.id),
		/** the state's name at the time (states can be renamed later) */
		stateName: text('state_name').notNull(),
		progress: integer('progress'),
		note: text('note'),
		changedBy: userRefColumn('changed_by'),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('concept_measure_history_measure_idx').on(t.measureId, t.changedAt)]
);

export const milestones = tenantTable(
	'concept_milestones',
	{
		measureId: requiredRefColumn('measure_id', () => conceptMeasures.id),
		title: text('title').notNull(),
		dueDate: date('due_date').notNull(),
		doneOn: date('done_on'),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('concept_milestones_measure_idx').on(t.measureId, t.dueDate),
		tenantParentKey('concept_milestones_tenant_measure_fk', t, t.measureId, conceptMeasures)
	]
);

/**
 * Links of a measure: guideline (targetId = concept_guidelines.id), agenda_item (a meeting
 * decision, targetId = agenda_items.id), recommendation and paper (targetId of those tables once
 * they exist), url (label + url).
 */
export const MEASURE_LINK_KINDS = [
	'guideline',
	'agenda_item',
	'recommendation',
	'paper',
	'url'
] as const;
export type MeasureLinkKind = (typeof MEASURE_LINK_KINDS)[number];

export const measureLinks = tenantTable(
	'concept_measure_links',
	{
		measureId: requiredRefColumn('measure_id', () => conceptMeasures.id),
		kind: text('kind', { enum: MEASURE_LINK_KINDS }).notNull(),
		targetId: uuid('target_id'),
		label: text('label'),
		url: text('url'),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('concept_measure_links_measure_idx').on(t.measureId),
		check(
			'concept_measure_links_target',
			sql`(${t.kind} = 'url' AND ${t.url} IS NOT NULL) OR (${t.kind} <> 'url' AND ${t.targetId} IS NOT NULL)`
		)
	]
);
