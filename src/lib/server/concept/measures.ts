/** Measures (Maßnahmen): states, the measures themselves with history, milestones and links. */
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { organizations, organizationTenants } from '../organizations/schema';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { consultationProcesses, recommendations } from '../participation/schema';
import { papers } from '../papers/schema';
import { canSeePaper, loadPaperContext } from '../papers/access';
import {
	conceptGoals,
	conceptGuidelines,
	conceptMeasures,
	measureHistory,
	measureLinks,
	measureStates,
	milestones,
	type ConceptMeasure,
	type MeasureState
} from './schema';
import { editableEdition, ensureDefaultStates } from './editions';
import {
	isUuid,
	linkInput,
	measureInput,
	milestoneInput,
	parseOrThrow,
	stateChangeInput,
	stateInput,
	type MeasureData
} from './validation';
import { measureProgress } from './calc';

// ---------------------------------------------------------------- states

export async function statesOf(db: Executor, tenantId: string): Promise<MeasureState[]> {
	return db
		.select()
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenantId))
		.orderBy(asc(measureStates.position), asc(measureStates.name));
}

export async function listStates(ctx: Ctx, tenantId: string): Promise<MeasureState[]> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	return statesOf(ctx.db, tenantId);
}

/** The coordinator renames a state or changes its category or preset progress. */
export async function updateState(ctx: Ctx, tenantId: string, id: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	if (!isUuid(id)) throw new NotFoundError();
	const data = parseOrThrow(stateInput, raw);
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(measureStates)
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, id)));
		if (!before) throw new NotFoundError();
		await tx
			.update(measureStates)
			.set({ name: data.name, category: data.category, progress: data.progress ?? null })
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.state_update',
			entityType: 'concept_state',
			entityId: id,
			before: { name: before.name, category: before.category, progress: before.progress },
			after: { name: data.name, category: data.category, progress: data.progress ?? null }
		});
	});
}

export async function createState(ctx: Ctx, tenantId: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(stateInput, raw);
	return ctx.db.transaction(async (tx) => {
		await ensureDefaultStates(tx, tenantId);
		const [{ last }] = await tx
			.select({ last: max(measureStates.position) })
			.from(measureStates)
			.where(eq(measureStates.tenantId, tenantId));
		const [row] = await tx
			.insert(measureStates)
			.values({
				tenantId,
				key: `s-${crypto.randomUUID().slice(0, 8)}`,
				name: data.name,
				category: data.category,
				progress: data.progress ?? null,
				position: (last ?? 0) + 1
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.state_create',
			entityType: 'concept_state',
			entityId: row.id,
			after: { name: row.name, category: row.category, progress: row.progress }
		});
		return { id: row.id };
	});
}

// ---------------------------------------------------------------- measures

async function checkRefs(
	db: Executor,
	tenantId: string,
	editionId: string | null,
	data: MeasureData
) {
	const errors: Record<string, string> = {};
	const [goal] = await db
		.select()
		.from(conceptGoals)
		.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.id, data.goalId)));
	if (!goal || (editionId && goal.editionId !== editionId))
		errors.goalId = 'concept_error_goal_required';
	const [state] = await db
		.select()
		.from(measureStates)
		.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, data.stateId)));
	if (!state) errors.stateId = 'concept_error_state_required';
	if (data.bodyId) {
		const [b] = await db
			.select({ id: bodies.id })
			.from(bodies)
			.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, data.bodyId)));
		if (!b) errors.bodyId = 'concept_error_body_invalid';
	}
	if (data.responsibleOrganizationIds.length) {
		const ok = new Set(
			(
				await db
					.selectDistinct({
						id: organizations.id,
						tenantId: organizations.tenantId,
						also: organizationTenants.tenantId
					})
					.from(organizations)
					.leftJoin(organizationTenants, eq(organizationTenants.organizationId, organizations.id))
					.where(inArray(organizations.id, data.responsibleOrganizationIds))
			)
				.filter((r) => r.tenantId === tenantId || r.also === tenantId)
				.map((r) => r.id)
		);
		if (data.responsibleOrganizationIds.some((id) => !ok.has(id)))
			errors.responsibleOrganizationIds = 'concept_error_organization_invalid';
	}
	if (data.municipalityIds.length) {
		const rows = await db
			.select({ id: tenants.id })
			.from(tenants)
			.where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, data.municipalityIds)));
		if (rows.length !== new Set(data.municipalityIds).size)
			errors.municipalityIds = 'concept_error_municipality_invalid';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	return { goal: goal!, state: state! };
}

const columns = (d: MeasureData) => ({
	goalId: d.goalId,
	title: d.title,
	description: d.description ?? null,
	responsibleOrganizationIds: [...new Set(d.responsibleOrganizationIds)],
	bodyId: d.bodyId ?? null,
	partners: d.partners ?? null,
	targetGroups: [...new Set(d.targetGroups)],
	municipalityIds: [...new Set(d.municipalityIds)],
	startDate: d.startDate ?? null,
	endDate: d.endDate ?? null,
	costEuro: d.costEuro ?? null,
	funding: d.funding ?? null,
	stateId: d.stateId,
	progressOverride: d.progressOverride ?? null,
	isPublic: d.isPublic
});

function auditView(m: ConceptMeasure) {
	const { tenantId: _t, createdBy: _c, createdAt: _ca, updatedAt: _u, ...rest } = m;
	return { name: m.title, ...rest };
}

export async function createMeasure(
	ctx: Ctx,
	tenantId: string,
	editionId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const data = parseOrThrow(measureInput, raw);
	return ctx.db.transaction(async (tx) => {
		await editableEdition(tx, tenantId, editionId);
		const { state } = await checkRefs(tx, tenantId, editionId, data);
		const [row] = await tx
			.insert(conceptMeasures)
			.values({ tenantId, editionId, ...columns(data), createdBy: actor.userId })
			.returning();
		await tx.insert(measureHistory).values({
			tenantId,
			measureId: row.id,
			stateName: state.name,
			progress: measureProgress({
				category: state.category,
				stateProgress: state.progress,
				progressOverride: row.progressOverride
			}),
			changedBy: actor.userId
		});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.measure_create',
			entityType: 'concept_measure',
			entityId: row.id,
			after: auditView(row)
		});
		return { id: row.id };
	});
}

async function measureFor(tx: Executor, tenantId: string, id: string, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = tx
		.select()
		.from(conceptMeasures)
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

async function historyIfChanged(
	tx: Executor,
	ctx: Ctx,
	before: ConceptMeasure,
	after: ConceptMeasure,
	note: string | null
) {
	if (
		before.stateId === after.stateId &&
		before.progressOverride === after.progressOverride &&
		!note
	)
		return;
	const [state] = await tx.select().from(measureStates).where(eq(measureStates.id, after.stateId));
	await tx.insert(measureHistory).values({
		tenantId: after.tenantId,
		measureId: after.id,
		stateName: state.name,
		progress: measureProgress({
			category: state.category,
			stateProgress: state.progress,
			progressOverride: after.progressOverride
		}),
		note,
		changedBy: ctx.actor?.userId ?? null
	});
}

export async function updateMeasure(ctx: Ctx, tenantId: string, id: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(measureInput, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await measureFor(tx, tenantId, id, true);
		await editableEdition(tx, tenantId, before.editionId);
		await checkRefs(tx, tenantId, before.editionId, data);
		const [after] = await tx
			.update(conceptMeasures)
			.set({ ...columns(data), updatedAt: new Date() })
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, id)))
			.returning();
		await historyIfChanged(tx, ctx, before, after, null);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.measure_update',
			entityType: 'concept_measure',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}

/** Sets state and progress (within the state) with an optional note; kept in the history. */
export async function changeMeasureState(ctx: Ctx, tenantId: string, id: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(stateChangeInput, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await measureFor(tx, tenantId, id, true);
		await editableEdition(tx, tenantId, before.editionId);
		const [state] = await tx
			.select()
			.from(measureStates)
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, data.stateId)));
		if (!state) throw new ValidationError({ stateId: 'concept_error_state_required' });
		const [after] = await tx
			.update(conceptMeasures)
			.set({
				stateId: state.id,
				progressOverride: data.progressOverride ?? null,
				updatedAt: new Date()
			})
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, id)))
			.returning();
		await historyIfChanged(tx, ctx, before, after, data.note ?? null);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.measure_state',
			entityType: 'concept_measure',
			entityId: id,
			before: {
				name: before.title,
				stateId: before.stateId,
				progressOverride: before.progressOverride
			},
			after: {
				name: after.title,
				state: state.name,
				progressOverride: after.progressOverride,
				note: data.note ?? null
			}
		});
	});
}

export async function addMilestone(ctx: Ctx, tenantId: string, measureId: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(milestoneInput, raw);
	return ctx.db.transaction(async (tx) => {
		const m = await measureFor(tx, tenantId, measureId);
		await editableEdition(tx, tenantId, m.editionId);
		const [row] = await tx
			.insert(milestones)
			.values({ tenantId, measureId: m.id, title: data.title, dueDate: data.dueDate })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.milestone_create',
			entityType: 'concept_measure',
			entityId: m.id,
			after: { name: m.title, milestone: row.title, dueDate: row.dueDate }
		});
		return { id: row.id };
	});
}

/** Marks a milestone done today (Berlin) or open again. */
export async function toggleMilestone(
	ctx: Ctx,
	tenantId: string,
	milestoneId: string,
	today: string
) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	if (!isUuid(milestoneId)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(milestones)
			.where(and(eq(milestones.tenantId, tenantId), eq(milestones.id, milestoneId)));
		if (!row) throw new NotFoundError();
		const m = await measureFor(tx, tenantId, row.measureId);
		await editableEdition(tx, tenantId, m.editionId);
		const doneOn = row.doneOn ? null : today;
		await tx.update(milestones).set({ doneOn }).where(eq(milestones.id, row.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.milestone_update',
			entityType: 'concept_measure',
			entityId: m.id,
			before: { name: m.title, milestone: row.title, doneOn: row.doneOn },
			after: { name: m.title, milestone: row.title, doneOn }
		});
	});
}

export async function addMeasureLink(ctx: Ctx, tenantId: string, measureId: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(linkInput, raw);
	return ctx.db.transaction(async (tx) => {
		const m = await measureFor(tx, tenantId, measureId);
		await editableEdition(tx, tenantId, m.editionId);
		if (data.kind === 'guideline') {
			const [g] = await tx
				.select({ id: conceptGuidelines.id })
				.from(conceptGuidelines)
				.where(
					and(
						eq(conceptGuidelines.tenantId, tenantId),
						eq(conceptGuidelines.id, data.targetId!),
						eq(conceptGuidelines.editionId, m.editionId)
					)
				);
			if (!g) throw new ValidationError({ targetId: 'concept_error_link_target' });
		}
		if (data.kind === 'agenda_item') {
			const [a] = await tx
				.select({ id: agendaItems.id })
				.from(agendaItems)
				.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, data.targetId!)));
			if (!a) throw new ValidationError({ targetId: 'concept_error_link_target' });
		}
		if (data.kind === 'recommendation') {
			const [r] = await tx
				.select({ id: recommendations.id })
				.from(recommendations)
				.where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, data.targetId!)));
			if (!r) throw new ValidationError({ targetId: 'concept_error_link_target' });
		}
		if (data.kind === 'paper') {
			// a paper of the tenant that the actor may see
			const pc = await loadPaperContext(tx, tenantId, data.targetId!);
			if (!pc || !canSeePaper(ctx.actor, pc))
				throw new ValidationError({ targetId: 'concept_error_link_target' });
		}
		if (data.kind !== 'url') {
			const [dup] = await tx
				.select({ id: measureLinks.id })
				.from(measureLinks)
				.where(
					and(
						eq(measureLinks.tenantId, tenantId),
						eq(measureLinks.measureId, m.id),
						eq(measureLinks.kind, data.kind),
						eq(measureLinks.targetId, data.targetId!)
					)
				);
			if (dup) return { id: dup.id };
		}
		const [row] = await tx
			.insert(measureLinks)
			.values({
				tenantId,
				measureId: m.id,
				kind: data.kind,
				targetId: data.kind === 'url' ? null : data.targetId!,
				label: data.label ?? null,
				url: data.kind === 'url' ? data.url! : null
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.link_create',
			entityType: 'concept_measure',
			entityId: m.id,
			after: { name: m.title, kind: row.kind, targetId: row.targetId, url: row.url }
		});
		return { id: row.id };
	});
}

export async function removeMeasureLink(ctx: Ctx, tenantId: string, linkId: string) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	if (!isUuid(linkId)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(measureLinks)
			.where(and(eq(measureLinks.tenantId, tenantId), eq(measureLinks.id, linkId)));
		if (!row) throw new NotFoundError();
		const m = await measureFor(tx, tenantId, row.measureId);
		await editableEdition(tx, tenantId, m.editionId);
		await tx.delete(measureLinks).where(eq(measureLinks.id, row.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.link_delete',
			entityType: 'concept_measure',
			entityId: m.id,
			before: { name: m.title, kind: row.kind, targetId: row.targetId, url: row.url }
		});
	});
}

// ---------------------------------------------------------------- views

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

export async function getMeasure(ctx: Ctx, tenantId: string, id: string): Promise<MeasureDetail> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	const detail = await measureDetail(ctx.db, tenantId, id);
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
export async function measureDetail(
	db: Executor,
	tenantId: string,
	id: string
): Promise<MeasureDetail> {
	const measure = await measureFor(db, tenantId, id);
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
