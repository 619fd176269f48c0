import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { fieldsOfAction } from '../fields-of-action/schema';
import { fieldName } from '../fields-of-action/service';
import {
	conceptEditions,
	conceptGoals,
	conceptGuidelines,
	conceptGuidingQuestions,
	conceptMeasures,
	indicatorGoals,
	measureLinks,
	measureStates,
	milestones,
	type ConceptEdition,
	type StateCategory
} from './schema';
import { adoptInput, editionInput, isUuid, parseOrThrow } from './validation';
import { diffEditions, type EditionDiff, type EditionSnapshot } from './diff';
import { measureProgress } from './calc';

/** The states a tenant starts with (the coordinator can rename them and change the figures). */
export const DEFAULT_STATES: {
	key: string;
	name: string;
	category: StateCategory;
	progress: number | null;
}[] = [
	{ key: 'vorgeschlagen', name: 'vorgeschlagen', category: 'proposed', progress: 0 },
	{ key: 'geplant', name: 'geplant', category: 'active', progress: 0 },
	{ key: 'vorbereitung', name: 'in Vorbereitung', category: 'active', progress: 10 },
	{ key: 'umsetzung', name: 'in Umsetzung', category: 'active', progress: 50 },
	{ key: 'abgeschlossen', name: 'abgeschlossen', category: 'completed', progress: 100 },
	{ key: 'zurueckgestellt', name: 'zurückgestellt', category: 'deferred', progress: null }
];

/** Creates the default states when the tenant has none yet. */
export async function ensureDefaultStates(db: Executor, tenantId: string): Promise<void> {
	const existing = await db
		.select({ id: measureStates.id })
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenantId))
		.limit(1);
	if (existing.length) return;
	await db
		.insert(measureStates)
		.values(DEFAULT_STATES.map((s, i) => ({ tenantId, ...s, position: i + 1 })));
}

export interface EditionView {
	id: string;
	title: string;
	state: ConceptEdition['state'];
	adoptedOn: string | null;
	adoptedBy: string | null;
	leitbild: string | null;
	basedOnId: string | null;
	createdAt: Date;
}

const toView = (e: ConceptEdition): EditionView => ({
	id: e.id,
	title: e.title,
	state: e.state,
	adoptedOn: e.adoptedOn,
	adoptedBy: e.adoptedBy,
	leitbild: e.leitbild,
	basedOnId: e.basedOnId,
	createdAt: e.createdAt
});

export async function editionsOf(db: Executor, tenantId: string): Promise<EditionView[]> {
	const rows = await db
		.select()
		.from(conceptEditions)
		.where(eq(conceptEditions.tenantId, tenantId))
		.orderBy(desc(conceptEditions.createdAt), desc(conceptEditions.id));
	return rows.map(toView);
}

export async function listEditions(ctx: Ctx, tenantId: string): Promise<EditionView[]> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	return editionsOf(ctx.db, tenantId);
}

/** The adopted edition (the public one), without authorisation. */
export async function adoptedEdition(db: Executor, tenantId: string): Promise<EditionView | null> {
	const [row] = await db
		.select()
		.from(conceptEditions)
		.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.state, 'adopted')))
		.orderBy(desc(conceptEditions.adoptedOn), desc(conceptEditions.createdAt))
		.limit(1);
	return row ? toView(row) : null;
}

/**
 * The edition a signed-in page shows when none is chosen: the newest draft when there is one
 * (that is what the network works on), else the adopted one.
 */
export async function workingEdition(db: Executor, tenantId: string): Promise<EditionView | null> {
	const all = await editionsOf(db, tenantId);
	return (
		all.find((e) => e.state === 'draft') ?? all.find((e) => e.state === 'adopted') ?? all[0] ?? null
	);
}

export async function findEdition(db: Executor, tenantId: string, id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select()
		.from(conceptEditions)
		.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, id)));
	return row ?? null;
}

export async function getEdition(ctx: Ctx, tenantId: string, id: string): Promise<EditionView> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	const row = await findEdition(ctx.db, tenantId, id);
	if (!row) throw new NotFoundError();
	return toView(row);
}

/** Throws when the edition is missing or superseded (superseded editions are kept as they were). */
export async function editableEdition(db: Executor, tenantId: string, id: string) {
	const row = await findEdition(db, tenantId, id);
	if (!row) throw new NotFoundError();
	if (row.state === 'superseded') throw new ValidationError({ form: 'concept_error_superseded' });
	return row;
}

/**
 * A new edition: a draft that starts as a copy of the newest edition (Leitbild, guidelines with
 * their guiding questions, goals with their indicator links, measures with milestones and
 * links), each copied item remembering its origin for the diff.
 */
export async function createEdition(
	ctx: Ctx,
	tenantId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const data = parseOrThrow(editionInput, raw);
	return ctx.db.transaction(async (tx) => {
		await ensureDefaultStates(tx, tenantId);
		const [last] = await tx
			.select()
			.from(conceptEditions)
			.where(eq(conceptEditions.tenantId, tenantId))
			.orderBy(desc(conceptEditions.createdAt), desc(conceptEditions.id))
			.limit(1);
		const [edition] = await tx
			.insert(conceptEditions)
			.values({
				tenantId,
				title: data.title,
				leitbild: data.leitbild ?? last?.leitbild ?? null,
				basedOnId: last?.id ?? null,
				createdBy: actor.userId
			})
			.returning();
		if (last) await copyContent(tx, tenantId, last.id, edition.id);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.edition_create',
			entityType: 'concept_edition',
			entityId: edition.id,
			after: { name: edition.title, basedOn: last?.title ?? null }
		});
		return { id: edition.id };
	});
}

async function copyContent(tx: Executor, tenantId: string, fromId: string, toId: string) {
	const guidelines = await tx
		.select()
		.from(conceptGuidelines)
		.where(and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, fromId)));
	const guidelineMap = new Map<string, string>();
	for (const g of guidelines) {
		const [row] = await tx
			.insert(conceptGuidelines)
			.values({
				tenantId,
				editionId: toId,
				originId: g.id,
				position: g.position,
				title: g.title,
				explanation: g.explanation
			})
			.returning({ id: conceptGuidelines.id });
		guidelineMap.set(g.id, row.id);
	}
	if (guidelines.length) {
		const questions = await tx
			.select()
			.from(conceptGuidingQuestions)
			.where(
				and(
					eq(conceptGuidingQuestions.tenantId, tenantId),
					inArray(conceptGuidingQuestions.guidelineId, [...guidelineMap.keys()])
				)
			);
		if (questions.length)
			await tx.insert(conceptGuidingQuestions).values(
				questions.map((q) => ({
					tenantId,
					guidelineId: guidelineMap.get(q.guidelineId)!,
					bodyId: q.bodyId,
					position: q.position,
					question: q.question
				}))
			);
	}
	const goals = await tx
		.select()
		.from(conceptGoals)
		.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, fromId)));
	const goalMap = new Map<string, string>();
	for (const g of goals) {
		const [row] = await tx
			.insert(conceptGoals)
			.values({
				tenantId,
				editionId: toId,
				fieldOfActionId: g.fieldOfActionId,
				originId: g.id,
				position: g.position,
				title: g.title,
				description: g.description
			})
			.returning({ id: conceptGoals.id });
		goalMap.set(g.id, row.id);
	}
	if (goals.length) {
		const links = await tx
			.select()
			.from(indicatorGoals)
			.where(
				and(
					eq(indicatorGoals.tenantId, tenantId),
					inArray(indicatorGoals.goalId, [...goalMap.keys()])
				)
			);
		if (links.length)
			await tx.insert(indicatorGoals).values(
				links.map((l) => ({
					tenantId,
					indicatorId: l.indicatorId,
					goalId: goalMap.get(l.goalId)!
				}))
			);
	}
	const measures = await tx
		.select()
		.from(conceptMeasures)
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.editionId, fromId)));
	for (const m of measures) {
		const { id, createdAt: _c, updatedAt: _u, ...rest } = m;
		const [row] = await tx
			.insert(conceptMeasures)
			.values({ ...rest, editionId: toId, goalId: goalMap.get(m.goalId)!, originId: id })
			.returning({ id: conceptMeasures.id });
		const ms = await tx.select().from(milestones).where(eq(milestones.measureId, id));
		if (ms.length)
			await tx.insert(milestones).values(
				ms.map((x) => ({
					tenantId,
					measureId: row.id,
					title: x.title,
					dueDate: x.dueDate,
					doneOn: x.doneOn
				}))
			);
		const ls = await tx.select().from(measureLinks).where(eq(measureLinks.measureId, id));
		if (ls.length)
			await tx.insert(measureLinks).values(
				ls.map((x) => ({
					tenantId,
					measureId: row.id,
					kind: x.kind,
					// a guideline link points to the copy of the guideline
					targetId:
						x.kind === 'guideline' && x.targetId
							? (guidelineMap.get(x.targetId) ?? x.targetId)
							: x.targetId,
					label: x.label,
					url: x.url
				}))
			);
	}
}

export async function updateEdition(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(editionInput, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await editableEdition(tx, tenantId, id);
		await tx
			.update(conceptEditions)
			.set({ title: data.title, leitbild: data.leitbild ?? null, updatedAt: new Date() })
			.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.edition_update',
			entityType: 'concept_edition',
			entityId: id,
			before: { name: before.title, leitbild: before.leitbild },
			after: { name: data.title, leitbild: data.leitbild ?? null }
		});
	});
}

/** A draft is adopted (date, body); the previously adopted edition is superseded. */
export async function adoptEdition(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(adoptInput, raw);
	await ctx.db.transaction(async (tx) => {
		const row = await findEdition(tx, tenantId, id);
		if (!row) throw new NotFoundError();
		if (row.state !== 'draft') throw new ValidationError({ form: 'concept_error_not_draft' });
		await tx
			.update(conceptEditions)
			.set({ state: 'superseded', updatedAt: new Date() })
			.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.state, 'adopted')));
		await tx
			.update(conceptEditions)
			.set({
				state: 'adopted',
				adoptedOn: data.adoptedOn,
				adoptedBy: data.adoptedBy,
				updatedAt: new Date()
			})
			.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.edition_adopt',
			entityType: 'concept_edition',
			entityId: id,
			before: { name: row.title, state: row.state },
			after: {
				name: row.title,
				state: 'adopted',
				adoptedOn: data.adoptedOn,
				adoptedBy: data.adoptedBy
			}
		});
	});
}

/** What the diff compares of an edition. */
export async function editionSnapshot(
	db: Executor,
	tenantId: string,
	editionId: string,
	locale: string
): Promise<EditionSnapshot> {
	const [edition] = await db
		.select()
		.from(conceptEditions)
		.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, editionId)));
	const guidelines = await db
		.select()
		.from(conceptGuidelines)
		.where(
			and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, editionId))
		)
		.orderBy(asc(conceptGuidelines.position));
	const goals = await db
		.select({ goal: conceptGoals, names: fieldsOfAction.names })
		.from(conceptGoals)
		.innerJoin(fieldsOfAction, eq(fieldsOfAction.id, conceptGoals.fieldOfActionId))
		.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, editionId)))
		.orderBy(asc(fieldsOfAction.position), asc(conceptGoals.position));
	const measures = await db
		.select({ m: conceptMeasures, state: measureStates })
		.from(conceptMeasures)
		.innerJoin(measureStates, eq(measureStates.id, conceptMeasures.stateId))
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.editionId, editionId)))
		.orderBy(asc(conceptMeasures.title));
	return {
		leitbild: edition?.leitbild ?? null,
		guidelines: guidelines.map((g) => ({
			id: g.id,
			originId: g.originId,
			label: g.title,
			fields: { title: g.title, explanation: g.explanation }
		})),
		goals: goals.map(({ goal, names }) => ({
			id: goal.id,
			originId: goal.originId,
			label: goal.title,
			fields: { title: goal.title, description: goal.description, field: fieldName(names, locale) }
		})),
		measures: measures.map(({ m, state }) => ({
			id: m.id,
			originId: m.originId,
			label: m.title,
			fields: {
				title: m.title,
				description: m.description,
				state: state.name,
				progress: measureProgress({
					category: state.category,
					stateProgress: state.progress,
					progressOverride: m.progressOverride
				}),
				startDate: m.startDate,
				endDate: m.endDate,
				isPublic: m.isPublic
			}
		}))
	};
}

export async function compareEditions(
	ctx: Ctx,
	tenantId: string,
	beforeId: string,
	afterId: string
): Promise<EditionDiff> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	const [a, b] = await Promise.all([
		findEdition(ctx.db, tenantId, beforeId),
		findEdition(ctx.db, tenantId, afterId)
	]);
	if (!a || !b) throw new NotFoundError();
	return diffEditions(
		await editionSnapshot(ctx.db, tenantId, a.id, ctx.locale),
		await editionSnapshot(ctx.db, tenantId, b.id, ctx.locale)
	);
}
