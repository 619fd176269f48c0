import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn,
	tenantIdKey,
	tenantParentKey
} from '../db/columns';
import { tenants, tenantIdColumn, tenantTable } from '../tenants/schema';
import { users, userRefColumn } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import { actionItems } from '../minutes/schema';

/**
 * Built-in paper types (Vorlagenarten). A tenant can add its own in `paper_types`; the key is
 * what `papers.type` stores, the label is what the UI and OParl (`paperType`) show.
 */
export const BUILTIN_PAPER_TYPES = [
	'resolution_proposal', // Beschlussvorlage
	'notice', // Mitteilung
	'motion', // Antrag
	'report', // Bericht
	'inquiry' // Anfrage
] as const;

/** public: anyone (and OParl); network: signed-in members of the tenant; internal: the bodies involved */
export const PAPER_VISIBILITIES = ['public', 'network', 'internal'] as const;
export type PaperVisibility = (typeof PAPER_VISIBILITIES)[number];

/** Default states of the workflow; a tenant's graph (paper_workflows) may add more. */
export const PAPER_STATES = [
	'draft',
	'submitted',
	'scheduled',
	'decided',
	'noted',
	'deferred',
	'rejected',
	'withdrawn'
] as const;

/** Beratungsrolle (OParl Consultation.role): Kenntnisnahme, Vorberatung, Entscheidung */
export const CONSULTATION_ROLES = ['information', 'preliminary', 'decision'] as const;
export type ConsultationRole = (typeof CONSULTATION_ROLES)[number];

/** Result of a consultation: the paper state it leads to (decided, noted, deferred, rejected). */
export const CONSULTATION_RESULTS = ['decided', 'noted', 'deferred', 'rejected'] as const;
export type ConsultationResult = (typeof CONSULTATION_RESULTS)[number];

/** Tenant-defined additional paper types. */
export const paperTypes = tenantTable(
	'paper_types',
	{
		key: text('key').notNull(),
		label: text('label').notNull(),
		position: integer('position').notNull().default(0),
		...timestampColumns()
	},
	(t) => [uniqueIndex('paper_types_key').on(t.tenantId, t.key)]
);

/**
 * Gapless numbering per tenant and year: incremented with INSERT … ON CONFLICT DO UPDATE inside
 * the transaction that creates the paper, so a rollback also rolls back the counter.
 */
export const paperCounters = pgTable(
	'paper_counters',
	{
		tenantId: tenantIdColumn(),
		year: integer('year').notNull(),
		last: integer('last').notNull(),
		...timestampColumns()
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.year] })]
);

/**
 * The workflow graph of a tenant (states and transitions with the roles allowed to take them),
 * stored as data; without a row the default graph in papers/workflow.ts applies.
 */
export const paperWorkflows = pgTable('paper_workflows', {
	tenantId: uuid('tenant_id')
		.primaryKey()
		.references(() => tenants.id, { onDelete: 'cascade' }),
	definition: jsonb('definition').notNull(),
	...timestampColumns()
});

/** Vorlagen: submissions of working groups to the steering group, reports, notices … */
export const papers = tenantTable(
	'papers',
	{
		/** running number within (tenant, year), from 1 without gaps */
		number: integer('number').notNull(),
		year: integer('year').notNull(),
		/** "NNN/YYYY", e.g. "144/2009" (OParl Paper.reference) */
		reference: text('reference').notNull(),
		/** a BUILTIN_PAPER_TYPES key or a paper_types key of the tenant */
		type: text('type').notNull(),
		title: text('title').notNull(),
		/** Markdown (safe subset); rendered on the server with an allow-list */
		text: text('text').notNull().default(''),
		/** date of the paper (OParl Paper.date) */
		date: date('date').notNull(),
		/** einreichendes Gremium, e.g. a working group */
		originatingBodyId: optionalRefColumn('originating_body_id', () => bodies.id),
		/** the body the paper is addressed to, e.g. the steering group */
		addressedBodyId: optionalRefColumn('addressed_body_id', () => bodies.id),
		state: text('state').notNull().default('draft'),
		visibility: text('visibility', { enum: PAPER_VISIBILITIES }).notNull().default('network'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: userRefColumn('submitted_by'),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		uniqueIndex('papers_number_key').on(t.tenantId, t.year, t.number),
		uniqueIndex('papers_reference_key').on(t.tenantId, t.reference),
		index('papers_tenant_state_idx').on(t.tenantId, t.state),
		index('papers_tenant_updated_idx').on(t.tenantId, t.updatedAt),
		index('papers_originating_body_idx').on(t.originatingBodyId),
		index('papers_addressed_body_idx').on(t.addressedBodyId),
		check('papers_number_positive', sql`${t.number} > 0`),
		tenantIdKey('papers', t)
	]
);
export type Paper = typeof papers.$inferSelect;

/** Verfasser:innen: a user of the platform or a name (for papers from before the platform). */
export const paperAuthors = tenantTable(
	'paper_authors',
	{
		paperId: requiredRefColumn('paper_id', () => papers.id),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		name: text('name'),
		position: integer('position').notNull().default(0),
		...timestampColumns()
	},
	(t) => [
		index('paper_authors_paper_idx').on(t.paperId, t.position),
		uniqueIndex('paper_authors_user_key')
			.on(t.paperId, t.userId)
			.where(sql`${t.userId} IS NOT NULL`),
		check('paper_authors_who', sql`(${t.userId} IS NOT NULL) <> (${t.name} IS NOT NULL)`)
	]
);

/** Anlagen: files (meetings' files table) attached to a paper. */
export const paperFiles = pgTable(
	'paper_files',
	{
		tenantId: tenantIdColumn(),
		paperId: requiredRefColumn('paper_id', () => papers.id),
		fileId: requiredRefColumn('file_id', () => files.id),
		position: integer('position').notNull().default(0),
		...timestampColumns()
	},
	(t) => [
		primaryKey({ columns: [t.paperId, t.fileId] }),
		index('paper_files_file_idx').on(t.fileId)
	]
);

/** Superordinate (parent) and subordinate (child) papers (OParl superordinatedPaper/subordinatedPaper). */
export const paperRelations = pgTable(
	'paper_relations',
	{
		tenantId: tenantIdColumn(),
		parentPaperId: requiredRefColumn('parent_paper_id', () => papers.id),
		childPaperId: requiredRefColumn('child_paper_id', () => papers.id),
		...timestampColumns()
	},
	(t) => [
		primaryKey({ columns: [t.parentPaperId, t.childPaperId] }),
		index('paper_relations_child_idx').on(t.childPaperId),
		check('paper_relations_distinct', sql`${t.parentPaperId} <> ${t.childPaperId}`)
	]
);

/** Generic links of a paper to other objects (e.g. kind "measure" → a measure of the concept). */
export const paperLinks = tenantTable(
	'paper_links',
	{
		paperId: requiredRefColumn('paper_id', () => papers.id),
		kind: text('kind').notNull(),
		targetId: uuid('target_id'),
		label: text('label').notNull(),
		...timestampColumns()
	},
	(t) => [
		index('paper_links_paper_idx').on(t.paperId),
		index('paper_links_target_idx').on(t.tenantId, t.kind, t.targetId)
	]
);

/** Beratungen: a paper on the agenda of a meeting (one agenda item), with its role and result. */
export const consultations = tenantTable(
	'consultations',
	{
		paperId: requiredRefColumn('paper_id', () => papers.id),
		meetingId: requiredRefColumn('meeting_id', () => meetings.id),
		agendaItemId: optionalRefColumn('agenda_item_id', () => agendaItems.id),
		/** the consulting body (the meeting's body) */
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		role: text('role', { enum: CONSULTATION_ROLES }).notNull().default('decision'),
		result: text('result', { enum: CONSULTATION_RESULTS }),
		/** Beschlusstext */
		resultText: text('result_text'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedBy: userRefColumn('decided_by'),
		...timestampColumns()
	},
	(t) => [
		index('consultations_paper_idx').on(t.paperId),
		index('consultations_meeting_idx').on(t.meetingId),
		index('consultations_tenant_updated_idx').on(t.tenantId, t.updatedAt),
		uniqueIndex('consultations_agenda_item_key')
			.on(t.agendaItemId)
			.where(sql`${t.agendaItemId} IS NOT NULL`),
		tenantParentKey('consultations_tenant_paper_fk', t, t.paperId, papers),
		tenantParentKey('consultations_tenant_meeting_fk', t, t.meetingId, meetings)
	]
);
export type Consultation = typeof consultations.$inferSelect;

/**
 * Handlungsanweisungen of a decision, addressed to a body and/or an organisation with a due date;
 * each becomes an action item of the addressed body.
 */
export const instructions = tenantTable(
	'instructions',
	{
		paperId: requiredRefColumn('paper_id', () => papers.id),
		consultationId: optionalRefColumn('consultation_id', () => consultations.id),
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		organizationId: optionalRefColumn('organization_id', () => organizations.id),
		text: text('text').notNull(),
		dueDate: date('due_date'),
		actionItemId: optionalRefColumn('action_item_id', () => actionItems.id),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('instructions_paper_idx').on(t.paperId),
		index('instructions_body_idx').on(t.tenantId, t.bodyId),
		tenantParentKey('instructions_tenant_paper_fk', t, t.paperId, papers)
	]
);

/** Discussion thread on a paper, visible only to the members of the body (e.g. the steering group). */
export const paperComments = tenantTable(
	'paper_comments',
	{
		paperId: requiredRefColumn('paper_id', () => papers.id),
		bodyId: requiredRefColumn('body_id', () => bodies.id),
		authorId: userRefColumn('author_id'),
		text: text('text').notNull(),
		...timestampColumns()
	},
	(t) => [index('paper_comments_paper_idx').on(t.paperId, t.bodyId, t.createdAt)]
);
