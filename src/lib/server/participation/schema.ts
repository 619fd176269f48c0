import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	check,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
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
import { tenantIdColumn, tenants, tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { fieldsOfAction } from '../fields-of-action/schema';

/** The phases of a consultation process, in their usual order. */
export const PHASE_KINDS = ['information', 'collecting', 'evaluation', 'results'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** draft: staff only; published: on the public site; archived: public, read only */
export const PROCESS_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/**
 * Konsultations- / Beteiligungsprozess: a participation process of a tenant with phases,
 * dialogues, contributions and the recommendations drawn from them.
 */
export const consultationProcesses = tenantTable(
	'consultation_processes',
	{
		title: text('title').notNull(),
		purpose: text('purpose'),
		status: text('status', { enum: PROCESS_STATUSES }).notNull().default('draft'),
		/** whether people without an account may contribute and comment */
		allowAnonymous: boolean('allow_anonymous').notNull().default(true),
		/** introduction of the results document (Thesenpapier) */
		resultsIntro: text('results_intro'),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('consultation_processes_tenant_idx').on(t.tenantId, t.status),
		tenantIdKey('consultation_processes', t)
	]
);

/** The fields of action a process is about. */
export const processFields = pgTable(
	'consultation_process_fields',
	{
		tenantId: tenantIdColumn(),
		processId: requiredRefColumn('process_id', () => consultationProcesses.id),
		fieldOfActionId: requiredRefColumn('field_of_action_id', () => fieldsOfAction.id)
	},
	(t) => [primaryKey({ columns: [t.processId, t.fieldOfActionId] })]
);

/** A dated phase of a process; what participants may do depends on the current phase. */
export const processPhases = tenantTable(
	'consultation_phases',
	{
		processId: requiredRefColumn('process_id', () => consultationProcesses.id),
		kind: text('kind', { enum: PHASE_KINDS }).notNull(),
		/** optional own name, e.g. "Integrations-Dialoge" */
		title: text('title'),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('consultation_phases_process_idx').on(t.processId, t.startsOn),
		check('consultation_phases_dates', sql`${t.endsOn} >= ${t.startsOn}`)
	]
);

/** Integrations-Dialog: an event of a process for a target group. */
export const dialogues = tenantTable(
	'dialogues',
	{
		processId: requiredRefColumn('process_id', () => consultationProcesses.id),
		title: text('title').notNull(),
		description: text('description'),
		/** key from TARGET_GROUPS (all = the general public) */
		targetGroup: text('target_group').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }),
		place: text('place'),
		/** ISO 639-1 codes of the languages spoken or interpreted */
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		accessibilityNote: text('accessibility_note'),
		/** false: no registration needed (open event) */
		registrationEnabled: boolean('registration_enabled').notNull().default(true),
		/** null: no limit */
		capacity: integer('capacity'),
		...timestampColumns()
	},
	(t) => [
		index('dialogues_process_idx').on(t.processId, t.startsAt),
		check('dialogues_capacity', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
		tenantParentKey('dialogues_tenant_process_fk', t, t.processId, consultationProcesses),
		tenantIdKey('dialogues', t)
	]
);

export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration for a dialogue; beyond the capacity it waits and moves up on cancellations. */
export const dialogueRegistrations = tenantTable(
	'dialogue_registrations',
	{
		dialogueId: requiredRefColumn('dialogue_id', () => dialogues.id),
		userId: userRefColumn('user_id'),
		name: text('name').notNull(),
		/** lower case */
		email: text('email').notNull(),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
		/** SHA-256 of the cancel link's token */
		cancelTokenHash: text('cancel_token_hash').notNull(),
		createdAt: createdAtColumn(),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(t) => [
		index('dialogue_registrations_dialogue_idx').on(t.dialogueId, t.status, t.createdAt),
		uniqueIndex('dialogue_registrations_cancel_key').on(t.cancelTokenHash),
		uniqueIndex('dialogue_registrations_active_email')
			.on(t.dialogueId, t.email)
			.where(sql`${t.status} <> 'cancelled'`),
		tenantParentKey('dialogue_registrations_tenant_dialogue_fk', t, t.dialogueId, dialogues)
	]
);

export const CONTRIBUTION_STATUSES = ['pending', 'published', 'hidden', 'merged'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** online: written by the participant; offline: entered by staff from an event (flip chart, cards) */
export const CONTRIBUTION_SOURCES = ['online', 'offline'] as const;

/** Beitrag: an idea or statement in a process. */
export const contributions = tenantTable(
	'contributions',
	{
		processId: requiredRefColumn('process_id', () => consultationProcesses.id),
		dialogueId: optionalRefColumn('dialogue_id', () => dialogues.id),
		body: text('body').notNull(),
		fieldOfActionId: optionalRefColumn('field_of_action_id', () => fieldsOfAction.id),
		/** key from TARGET_GROUPS */
		targetGroup: text('target_group'),
		municipalityId: optionalRefColumn('municipality_id', () => tenants.id),
		/** ISO 639-1 */
		language: text('language').notNull().default('de'),
		source: text('source', { enum: CONTRIBUTION_SOURCES }).notNull(),
		/** the signed-in participant who wrote it (online) */
		authorId: userRefColumn('author_id'),
		/** a name the participant chose to show; null = anonymous */
		authorName: text('author_name'),
		/** staff who entered an offline contribution */
		enteredBy: userRefColumn('entered_by'),
		status: text('status', { enum: CONTRIBUTION_STATUSES }).notNull().default('pending'),
		hiddenReason: text('hidden_reason'),
		mergedIntoId: optionalRefColumn('merged_into_id', (): AnyPgColumn => contributions.id),
		/** SHA-256 of the private link an anonymous participant gets to follow the contribution */
		trackTokenHash: text('track_token_hash'),
		...timestampColumns()
	},
	(t) => [
		index('contributions_process_idx').on(t.processId, t.status, t.createdAt),
		index('contributions_author_idx').on(t.authorId),
		uniqueIndex('contributions_track_key').on(t.trackTokenHash),
		tenantParentKey('contributions_tenant_process_fk', t, t.processId, consultationProcesses)
	]
);

/** One support per person: a user id or the hash of an anonymous participant's cookie. */
export const contributionSupports = pgTable(
	'contribution_supports',
	{
		tenantId: tenantIdColumn(),
		contributionId: requiredRefColumn('contribution_id', () => contributions.id),
		/** "user:<id>" or "anon:<sha256 of the participant cookie>" */
		supporterKey: text('supporter_key').notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [primaryKey({ columns: [t.contributionId, t.supporterKey] })]
);

export const contributionComments = tenantTable(
	'contribution_comments',
	{
		contributionId: requiredRefColumn('contribution_id', () => contributions.id),
		body: text('body').notNull(),
		authorId: userRefColumn('author_id'),
		authorName: text('author_name'),
		status: text('status', { enum: ['published', 'hidden'] })
			.notNull()
			.default('published'),
		createdAt: createdAtColumn()
	},
	(t) => [index('contribution_comments_contribution_idx').on(t.contributionId, t.createdAt)]
);

export const MODERATION_ACTIONS = ['publish', 'hide', 'merge', 'edit'] as const;

/** Moderation log of contributions (what, why, who, when), shown next to the contribution. */
export const moderationLog = tenantTable(
	'contribution_moderation_log',
	{
		contributionId: requiredRefColumn('contribution_id', () => contributions.id),
		action: text('action', { enum: MODERATION_ACTIONS }).notNull(),
		reason: text('reason'),
		/** for merge: the contribution it was merged into */
		targetId: optionalRefColumn('target_id', () => contributions.id),
		actorId: userRefColumn('actor_id'),
		createdAt: createdAtColumn()
	},
	(t) => [index('contribution_moderation_log_idx').on(t.contributionId, t.createdAt)]
);

/** What became of a recommendation. */
export const OUTCOME_KINDS = ['adopted', 'measure', 'need', 'rejected'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Handlungsempfehlung: drawn from contributions, grouped by field of action. */
export const recommendations = tenantTable(
	'recommendations',
	{
		processId: requiredRefColumn('process_id', () => consultationProcesses.id),
		fieldOfActionId: optionalRefColumn('field_of_action_id', () => fieldsOfAction.id),
		title: text('title').notNull(),
		body: text('body'),
		position: integer('position').notNull().default(0),
		outcomeKind: text('outcome_kind', { enum: OUTCOME_KINDS }),
		/** the measure's or need's id for outcome "measure" / "need" */
		outcomeRef: uuid('outcome_ref'),
		outcomeNote: text('outcome_note'),
		outcomeAt: timestamp('outcome_at', { withTimezone: true }),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('recommendations_process_idx').on(t.processId, t.position),
		check(
			'recommendations_outcome_ref',
			sql`${t.outcomeKind} IS NULL OR ${t.outcomeKind} NOT IN ('measure', 'need') OR ${t.outcomeRef} IS NOT NULL`
		),
		tenantParentKey('recommendations_tenant_process_fk', t, t.processId, consultationProcesses)
	]
);

/** The traceable link from a recommendation back to every contribution it draws on. */
export const recommendationContributions = pgTable(
	'recommendation_contributions',
	{
		tenantId: tenantIdColumn(),
		recommendationId: requiredRefColumn('recommendation_id', () => recommendations.id),
		contributionId: requiredRefColumn('contribution_id', () => contributions.id),
		createdAt: createdAtColumn()
	},
	(t) => [
		primaryKey({ columns: [t.recommendationId, t.contributionId] }),
		index('recommendation_contributions_contribution_idx').on(t.contributionId)
	]
);
