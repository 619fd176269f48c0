/** Read models of a concept edition: the tree, the dashboard, the roadmap, the public view. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { berlinToday } from '../shared';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { fieldsOfAction } from '../fields-of-action/schema';
import { fieldName } from '../fields-of-action/service';
import { bodies } from '../bodies/schema';
import { tenants } from '../tenants/schema';
import {
	conceptGoals,
	conceptGuidelines,
	conceptGuidingQuestions,
	conceptMeasures,
	measureStates,
	milestones,
	type MeasureState,
	type StateCategory
} from './schema';
import {
	adoptedEdition,
	editionsOf,
	findEdition,
	workingEdition,
	type EditionView
} from './editions';
import { organizations } from '../organizations/schema';
import { consultationProcesses, recommendations } from '../participation/schema';
import { papers } from '../papers/schema';
import { isOverdue, measureProgress } from './calc';
import { indicatorViews, type IndicatorView } from './indicators';
import { comparisonsOf, municipalitiesOf, type IndicatorComparison } from './district-figures';
import type { MunicipalityRef } from './municipality-figures';
import { statesOf } from './states';

export interface MeasureRow {
	id: string;
	title: string;
	description: string | null;
	goalId: string;
	stateId: string;
	stateName: string;
	category: StateCategory;
	progress: number | null;
	startDate: string | null;
	endDate: string | null;
	isPublic: boolean;
	overdue: boolean;
	priorityRank: number | null;
	milestones: { title: string; dueDate: string; doneOn: string | null }[];
}

export interface GoalNode {
	id: string;
	title: string;
	description: string | null;
	measures: MeasureRow[];
}

export interface FieldNode {
	id: string;
	name: string;
	goals: GoalNode[];
}

export interface GuidelineNode {
	id: string;
	title: string;
	explanation: string | null;
	questions: { id: string; question: string; bodyId: string; bodyName: string }[];
}

export interface ConceptTree {
	edition: EditionView;
	guidelines: GuidelineNode[];
	fields: FieldNode[];
	states: MeasureState[];
}

/**
 * The edition as a tree: guidelines with their guiding questions, fields of action → goals →
 * measures. publicOnly leaves out internal and proposed measures and guiding questions.
 */
export async function conceptTree(
	db: Executor,
	tenantId: string,
	edition: EditionView,
	locale: string,
	today: string,
	opts: { publicOnly?: boolean } = {}
): Promise<ConceptTree> {
	const [guidelines, goals, measures, states, fields] = await Promise.all([
		db
			.select()
			.from(conceptGuidelines)
			.where(
				and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, edition.id))
			)
			.orderBy(asc(conceptGuidelines.position)),
		db
			.select()
			.from(conceptGoals)
			.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, edition.id)))
			.orderBy(asc(conceptGoals.position)),
		db
			.select({ m: conceptMeasures, s: measureStates })
			.from(conceptMeasures)
			.innerJoin(measureStates, eq(measureStates.id, conceptMeasures.stateId))
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.editionId, edition.id)))
			.orderBy(asc(conceptMeasures.startDate), asc(conceptMeasures.title)),
		statesOf(db, tenantId),
		db
			.select()
			.from(fieldsOfAction)
			.where(eq(fieldsOfAction.tenantId, tenantId))
			.orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.key))
	]);
	const visible = measures.filter(
		({ m, s }) => !opts.publicOnly || (m.isPublic && s.category !== 'proposed')
	);
	const ms = visible.length
		? await db
				.select()
				.from(milestones)
				.where(
					and(
						eq(milestones.tenantId, tenantId),
						inArray(
							milestones.measureId,
							visible.map((v) => v.m.id)
						)
					)
				)
				.orderBy(asc(milestones.dueDate))
		: [];
	const questions =
		!opts.publicOnly && guidelines.length
			? await db
					.select({
						q: conceptGuidingQuestions,
						bodyName: bodies.name,
						shortName: bodies.shortName
					})
					.from(conceptGuidingQuestions)
					.innerJoin(bodies, eq(bodies.id, conceptGuidingQuestions.bodyId))
					.where(
						and(
							eq(conceptGuidingQuestions.tenantId, tenantId),
							inArray(
								conceptGuidingQuestions.guidelineId,
								guidelines.map((g) => g.id)
							)
						)
					)
					.orderBy(asc(bodies.name), asc(conceptGuidingQuestions.position))
			: [];
	const rows: MeasureRow[] = visible.map(({ m, s }) => ({
		id: m.id,
		title: m.title,
		description: m.description,
		goalId: m.goalId,
		stateId: s.id,
		stateName: s.name,
		category: s.category,
		progress: measureProgress({
			category: s.category,
			stateProgress: s.progress,
			progressOverride: m.progressOverride
		}),
		startDate: m.startDate,
		endDate: m.endDate,
		isPublic: m.isPublic,
		overdue: isOverdue({ category: s.category, endDate: m.endDate }, today),
		priorityRank: m.priorityRank,
		milestones: ms
			.filter((x) => x.measureId === m.id)
			.map((x) => ({ title: x.title, dueDate: x.dueDate, doneOn: x.doneOn }))
	}));
	return {
		edition,
		states,
		guidelines: guidelines.map((g) => ({
			id: g.id,
			title: g.title,
			explanation: g.explanation,
			questions: questions
				.filter((q) => q.q.guidelineId === g.id)
				.map((q) => ({
					id: q.q.id,
					question: q.q.question,
					bodyId: q.q.bodyId,
					bodyName: q.shortName ?? q.bodyName
				}))
		})),
		fields: fields
			.map((f) => ({
				id: f.id,
				name: fieldName(f.names, locale),
				goals: goals
					.filter((g) => g.fieldOfActionId === f.id)
					.map((g) => ({
						id: g.id,
						title: g.title,
						description: g.description,
						measures: rows.filter((r) => r.goalId === g.id)
					}))
			}))
			.filter((f) => f.goals.length > 0)
	};
}

/** The edition a signed-in page works on: ?ausgabe=id or the working edition. */
export async function editionForPage(
	ctx: TenantCtx,
	input: { editionId: string | null }
): Promise<EditionView | null> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	if (input.editionId) {
		const row = await findEdition(ctx.db, tenantId, input.editionId);
		if (!row) throw new NotFoundError();
		return (await editionsOf(ctx.db, tenantId)).find((e) => e.id === row.id)!;
	}
	return workingEdition(ctx.db, tenantId);
}

/** The edition's tree for a signed-in page; overdue as of `today` (default: today in Berlin). */
export async function getConceptTree(
	ctx: TenantCtx,
	input: { edition: EditionView; today?: string }
): Promise<ConceptTree> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	return conceptTree(ctx.db, tenantId, input.edition, ctx.locale, input.today ?? berlinToday());
}

export interface Dashboard {
	tree: ConceptTree;
	/** per field: measures per state */
	byField: { field: string; total: number; counts: Record<string, number> }[];
	byState: { stateId: string; name: string; count: number }[];
	overdue: (MeasureRow & { field: string })[];
	indicators: IndicatorView[];
	trendCounts: Record<string, number>;
	/**
	 * districts: every municipality with the latest value of each municipality-level indicator
	 * (missing ones as null), per 1,000 inhabitants where sensible (district-figures.ts)
	 */
	comparison: IndicatorComparison[];
	average: number | null;
}

export function dashboardOf(
	tree: ConceptTree,
	indicators: IndicatorView[],
	municipalities: MunicipalityRef[] = []
): Dashboard {
	const measures = tree.fields.flatMap((f) =>
		f.goals.flatMap((g) => g.measures.map((m) => ({ ...m, field: f.name })))
	);
	const byState = tree.states.map((s) => ({
		stateId: s.id,
		name: s.name,
		count: measures.filter((m) => m.stateId === s.id).length
	}));
	const byField = tree.fields.map((f) => {
		const ms = f.goals.flatMap((g) => g.measures);
		const counts: Record<string, number> = {};
		for (const s of tree.states) counts[s.id] = ms.filter((m) => m.stateId === s.id).length;
		return { field: f.name, total: ms.length, counts };
	});
	const trendCounts: Record<string, number> = {};
	for (const i of indicators) trendCounts[i.trend.status] = (trendCounts[i.trend.status] ?? 0) + 1;
	const withProgress = measures.filter((m) => m.progress !== null && m.category !== 'proposed');
	return {
		tree,
		byField,
		byState,
		overdue: measures.filter((m) => m.overdue),
		indicators,
		trendCounts,
		comparison: comparisonsOf(indicators, municipalities),
		average: withProgress.length
			? Math.round(withProgress.reduce((a, m) => a + (m.progress ?? 0), 0) / withProgress.length)
			: null
	};
}

export async function getDashboard(
	ctx: TenantCtx,
	input: { edition: EditionView; today?: string }
): Promise<Dashboard> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const today = input.today ?? berlinToday();
	const [tree, indicators, municipalities] = await Promise.all([
		conceptTree(ctx.db, tenantId, input.edition, ctx.locale, today),
		indicatorViews(ctx.db, tenantId),
		municipalitiesOf(ctx.db, tenantId)
	]);
	return dashboardOf(tree, indicators, municipalities);
}

/**
 * The public concept of the request's (public) tenant: the adopted edition without internal and
 * proposed measures, only public indicators; null while no edition is adopted.
 */
export async function publicConcept(ctx: TenantCtx, input: { today?: string } = {}) {
	const { db } = ctx;
	const tenantId = ctx.tenant.id;
	const edition = await adoptedEdition(db, tenantId);
	if (!edition) return null;
	const today = input.today ?? berlinToday();
	const [tree, indicators] = await Promise.all([
		conceptTree(db, tenantId, edition, ctx.locale, today, { publicOnly: true }),
		indicatorViews(db, tenantId, { publicOnly: true })
	]);
	return { tree, indicators, dashboard: dashboardOf(tree, indicators) };
}

/** Selectable things for the measure form. */
export async function measureFormOptions(
	db: Executor,
	tenantId: string,
	editionId: string,
	locale: string
) {
	const [goals, orgs, municipalities, bodyRows, states] = await Promise.all([
		db
			.select({ id: conceptGoals.id, title: conceptGoals.title, names: fieldsOfAction.names })
			.from(conceptGoals)
			.innerJoin(fieldsOfAction, eq(fieldsOfAction.id, conceptGoals.fieldOfActionId))
			.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, editionId)))
			.orderBy(asc(fieldsOfAction.position), asc(conceptGoals.position)),
		db
			.select({ id: organizations.id, name: organizations.name })
			.from(organizations)
			.where(eq(organizations.tenantId, tenantId))
			.orderBy(asc(organizations.name))
			.limit(500),
		db
			.select({ id: tenants.id, name: tenants.name })
			.from(tenants)
			.where(eq(tenants.parentId, tenantId))
			.orderBy(asc(tenants.name)),
		db
			.select({ id: bodies.id, name: bodies.name })
			.from(bodies)
			.where(eq(bodies.tenantId, tenantId))
			.orderBy(asc(bodies.name)),
		statesOf(db, tenantId)
	]);
	return {
		goals: goals.map((g) => ({ id: g.id, name: `${fieldName(g.names, locale)}: ${g.title}` })),
		organizations: orgs,
		municipalities,
		bodies: bodyRows,
		states: states.map((s) => ({
			id: s.id,
			name: s.progress === null ? s.name : `${s.name} (${s.progress} %)`
		}))
	};
}

/**
 * Link targets for a measure's link form: the tenant's recommendations grouped by process and
 * its papers ("NNN/YYYY – title"), newest first. For coordinators (who see every paper).
 */
export async function measureLinkTargets(db: Executor, tenantId: string) {
	const [recs, paperRows] = await Promise.all([
		db
			.select({
				id: recommendations.id,
				title: recommendations.title,
				processId: consultationProcesses.id,
				process: consultationProcesses.title
			})
			.from(recommendations)
			.innerJoin(consultationProcesses, eq(consultationProcesses.id, recommendations.processId))
			.where(eq(recommendations.tenantId, tenantId))
			.orderBy(
				desc(consultationProcesses.createdAt),
				asc(recommendations.position),
				asc(recommendations.title)
			)
			.limit(500),
		db
			.select({ id: papers.id, reference: papers.reference, title: papers.title })
			.from(papers)
			.where(eq(papers.tenantId, tenantId))
			.orderBy(desc(papers.year), desc(papers.number))
			.limit(300)
	]);
	const groups: { processId: string; process: string; items: { id: string; name: string }[] }[] =
		[];
	for (const r of recs) {
		let g = groups.find((x) => x.processId === r.processId);
		if (!g) groups.push((g = { processId: r.processId, process: r.process, items: [] }));
		g.items.push({ id: r.id, name: r.title });
	}
	return {
		recommendationGroups: groups,
		papers: paperRows.map((p) => ({ id: p.id, name: `${p.reference} – ${p.title}` }))
	};
}

/**
 * The measures of the working edition (draft, else adopted) as options "Ziel › Maßnahme", for
 * pickers of other areas (papers, recommendations). Without authorisation: callers check.
 */
export async function measureOptions(db: Executor, tenantId: string) {
	const edition = await workingEdition(db, tenantId);
	if (!edition || edition.state === 'superseded') return { edition: null, measures: [] };
	const rows = await db
		.select({ id: conceptMeasures.id, title: conceptMeasures.title, goal: conceptGoals.title })
		.from(conceptMeasures)
		.innerJoin(conceptGoals, eq(conceptGoals.id, conceptMeasures.goalId))
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.editionId, edition.id)))
		.orderBy(asc(conceptGoals.position), asc(conceptGoals.title), asc(conceptMeasures.title));
	return {
		edition,
		measures: rows.map((r) => ({ id: r.id, name: `${r.goal} › ${r.title}` }))
	};
}
