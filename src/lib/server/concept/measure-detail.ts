/** A measure with everything around it, for its page. */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { organizations } from '../organizations/schema';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { consultationProcesses, recommendations } from '../participation/schema';
import { papers } from '../papers/schema';
import { canSeePaper, loadPaperContext } from '../papers/access';
import { berlinDateOf } from '../shared';
import {
	conceptGoals,
	conceptGuidelines,
	measureHistory,
	measureLinks,
	measureStates,
	milestones,
	type ConceptMeasure,
	type MeasureState
} from './schema';
import { editionsOf } from './editions';
import { measureFor } from './measures';
import { measureFormOptions, measureLinkTargets } from './views';
import { measureProgress } from './calc';

export interface MeasureLinkView {
	id: string;
	kind: string;
	label: string;
	url: string | null;
	/** the linked object (guideline, agenda item, recommendation, paper) */
	targetId: string | null;
	/** for recommendations: the process, for the link to its page */
	processId: string | null;
	/** for agenda items: the decision text */
	decision: string | null;
}

export interface MeasureDetail {
	measure: ConceptMeasure;
	state: MeasureState;
	progress: number | null;
	goal: { id: string; title: string; editionId: string };
	bodyName: string | null;
	organizations: { id: string; name: string }[];
	municipalities: { id: string; name: string }[];
	milestones: { id: string; title: string; dueDate: string; doneOn: string | null }[];
	links: MeasureLinkView[];
	history: { stateName: string; progress: number | null; note: string | null; changedAt: Date }[];
}

export async function getMeasure(
	ctx: TenantCtx,
	input: { measureId: string }
): Promise<MeasureDetail> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const detail = await measureDetail(ctx.db, tenantId, input.measureId);
	// papers the actor may not see are left out (internal papers, drafts of other bodies)
	const links: MeasureLinkView[] = [];
	for (const l of detail.links) {
		if (l.kind === 'paper') {
			const pc = await loadPaperContext(ctx.db, tenantId, l.targetId!);
			if (!pc || !canSeePaper(ctx.actor, pc)) continue;
		}
		links.push(l);
	}
	return { ...detail, links };
}

/** Without authorisation: callers decide (public pages check isPublic and the edition). */
async function measureDetail(
	db: Executor,
	tenantId: string,
	measureId: string
): Promise<MeasureDetail> {
	const measure = await measureFor(db, tenantId, measureId);
	const id = measure.id;
	const [[state], [goal], ms, links, history] = await Promise.all([
		db.select().from(measureStates).where(eq(measureStates.id, measure.stateId)),
		db
			.select({ id: conceptGoals.id, title: conceptGoals.title, editionId: conceptGoals.editionId })
			.from(conceptGoals)
			.where(eq(conceptGoals.id, measure.goalId)),
		db
			.select()
			.from(milestones)
			.where(and(eq(milestones.tenantId, tenantId), eq(milestones.measureId, id)))
			.orderBy(asc(milestones.dueDate)),
		db
			.select()
			.from(measureLinks)
			.where(and(eq(measureLinks.tenantId, tenantId), eq(measureLinks.measureId, id)))
			.orderBy(asc(measureLinks.createdAt)),
		db
			.select()
			.from(measureHistory)
			.where(and(eq(measureHistory.tenantId, tenantId), eq(measureHistory.measureId, id)))
			.orderBy(desc(measureHistory.changedAt))
	]);
	const orgs = measure.responsibleOrganizationIds.length
		? await db
				.select({ id: organizations.id, name: organizations.name })
				.from(organizations)
				.where(inArray(organizations.id, measure.responsibleOrganizationIds))
				.orderBy(asc(organizations.name))
		: [];
	const munis = measure.municipalityIds.length
		? await db
				.select({ id: tenants.id, name: tenants.name })
				.from(tenants)
				.where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, measure.municipalityIds)))
				.orderBy(asc(tenants.name))
		: [];
	const [body] = measure.bodyId
		? await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, measure.bodyId))
		: [];
	const guidelineIds = links.filter((l) => l.kind === 'guideline').map((l) => l.targetId!);
	const agendaIds = links.filter((l) => l.kind === 'agenda_item').map((l) => l.targetId!);
	const guidelineTitles = new Map(
		guidelineIds.length
			? (
					await db
						.select({ id: conceptGuidelines.id, title: conceptGuidelines.title })
						.from(conceptGuidelines)
						.where(inArray(conceptGuidelines.id, guidelineIds))
				).map((g) => [g.id, g.title])
			: []
	);
	const agenda = new Map(
		agendaIds.length
			? (
					await db
						.select({
							id: agendaItems.id,
							title: agendaItems.title,
							decision: agendaItems.decision,
							startsAt: meetings.startsAt
						})
						.from(agendaItems)
						.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
						.where(and(eq(agendaItems.tenantId, tenantId), inArray(agendaItems.id, agendaIds)))
				).map((a) => [a.id, a])
			: []
	);
	const recIds = links.filter((l) => l.kind === 'recommendation').map((l) => l.targetId!);
	const paperIds = links.filter((l) => l.kind === 'paper').map((l) => l.targetId!);
	const recs = new Map(
		recIds.length
			? (
					await db
						.select({
							id: recommendations.id,
							title: recommendations.title,
							processId: recommendations.processId,
							process: consultationProcesses.title
						})
						.from(recommendations)
						.innerJoin(
							consultationProcesses,
							eq(consultationProcesses.id, recommendations.processId)
						)
						.where(and(eq(recommendations.tenantId, tenantId), inArray(recommendations.id, recIds)))
				).map((r) => [r.id, r])
			: []
	);
	const paperRows = new Map(
		paperIds.length
			? (
					await db
						.select({ id: papers.id, reference: papers.reference, title: papers.title })
						.from(papers)
						.where(and(eq(papers.tenantId, tenantId), inArray(papers.id, paperIds)))
				).map((p) => [p.id, p])
			: []
	);
	const labelOf = (l: (typeof links)[number]): string => {
		if (l.label) return l.label;
		switch (l.kind) {
			case 'guideline':
				return guidelineTitles.get(l.targetId!) ?? '';
			case 'agenda_item':
				return agenda.get(l.targetId!)?.title ?? '';
			case 'recommendation': {
				const r = recs.get(l.targetId!);
				return r ? `${r.title} (${r.process})` : '';
			}
			case 'paper': {
				const p = paperRows.get(l.targetId!);
				return p ? `${p.reference} – ${p.title}` : '';
			}
			default:
				return l.url ?? '';
		}
	};
	// links whose target was deleted are left out
	const present = links.filter(
		(l) =>
			(l.kind !== 'recommendation' || recs.has(l.targetId!)) &&
			(l.kind !== 'paper' || paperRows.has(l.targetId!))
	);
	return {
		measure,
		state,
		progress: measureProgress({
			category: state.category,
			stateProgress: state.progress,
			progressOverride: measure.progressOverride
		}),
		goal,
		bodyName: body?.name ?? null,
		organizations: orgs,
		municipalities: munis,
		milestones: ms.map((x) => ({ id: x.id, title: x.title, dueDate: x.dueDate, doneOn: x.doneOn })),
		links: present.map((l) => ({
			id: l.id,
			kind: l.kind,
			label: labelOf(l),
			url: l.url,
			targetId: l.targetId,
			processId: l.kind === 'recommendation' ? (recs.get(l.targetId!)?.processId ?? null) : null,
			decision: l.kind === 'agenda_item' ? (agenda.get(l.targetId!)?.decision ?? null) : null
		})),
		history: history.map((h) => ({
			stateName: h.stateName,
			progress: h.progress,
			note: h.note,
			changedAt: h.changedAt
		}))
	};
}

/**
 * The measure's page: the measure, its edition, the options of its forms and, for coordinators,
 * the link targets (decisions of meetings, recommendations, papers for those who see every paper).
 */
export async function getMeasurePage(ctx: TenantCtx, input: { measureId: string }) {
	const tenantId = ctx.tenant.id;
	const detail = await getMeasure(ctx, input);
	const edition = (await editionsOf(ctx.db, tenantId)).find(
		(e) => e.id === detail.measure.editionId
	)!;
	const canManage = can(ctx.actor, 'concept.manage', { tenantId });
	const [options, guidelines, decisions, targets] = await Promise.all([
		measureFormOptions(ctx.db, tenantId, edition.id, ctx.locale),
		ctx.db
			.select({ id: conceptGuidelines.id, name: conceptGuidelines.title })
			.from(conceptGuidelines)
			.where(
				and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, edition.id))
			)
			.orderBy(asc(conceptGuidelines.position)),
		canManage ? decisionOptions(ctx.db, tenantId) : Promise.resolve([]),
		canManage
			? measureLinkTargets(ctx.db, tenantId).then((t) => ({
					...t,
					// every paper of the tenant is offered only to those who see every paper
					papers: can(ctx.actor, 'paper.manage', { tenantId }) ? t.papers : []
				}))
			: Promise.resolve({ recommendationGroups: [], papers: [] })
	]);
	return { detail, edition, options, guidelines, decisions, targets };
}

/** The latest agenda items with a decision, as options "body, day: title". */
async function decisionOptions(db: Executor, tenantId: string) {
	const rows = await db
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			startsAt: meetings.startsAt,
			body: bodies.name
		})
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(eq(agendaItems.tenantId, tenantId), isNotNull(agendaItems.decision)))
		.orderBy(desc(meetings.startsAt))
		.limit(100);
	return rows.map((x) => ({
		id: x.id,
		name: `${x.body}, ${berlinDateOf(x.startsAt)}: ${x.title}`
	}));
}
