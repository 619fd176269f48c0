import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db, Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { fieldsOfAction } from '../fields-of-action/schema';
import { localName } from '../needs/views';
import { createNeed } from '../needs/save-need';
import { conceptEditions, conceptMeasures, measureStates } from '../concept/schema';
import { workingEdition } from '../concept/editions';
import { addMeasureLink, createMeasure } from '../concept/measures';
import {
	contributions,
	recommendationContributions,
	recommendations,
	type OutcomeKind
} from './schema';
import { isUuid, outcomeInput, recommendationInput, type RecommendationData } from './validation';
import { loadProcess } from './processes';
import { fieldErrors } from '../shared';

async function loadRecommendation(db: Executor, tenantId: string, id: string, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(recommendations)
		.where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

function parse(raw: unknown): RecommendationData {
	const parsed = recommendationInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	return parsed.data;
}

async function checkField(db: Executor, tenantId: string, id: string | undefined) {
	if (!id) return;
	const [f] = await db
		.select({ id: fieldsOfAction.id })
		.from(fieldsOfAction)
		.where(and(eq(fieldsOfAction.tenantId, tenantId), eq(fieldsOfAction.id, id)));
	if (!f) throw new ValidationError({ fieldOfActionId: 'participation_error_field_invalid' });
}

/**
 * The contributions to link: they must belong to the process and be published (a merged one is
 * replaced by the contribution it was merged into).
 */
async function resolveContributions(
	db: Executor,
	tenantId: string,
	processId: string,
	ids: string[]
): Promise<string[]> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return [];
	const rows = await db
		.select({
			id: contributions.id,
			status: contributions.status,
			mergedIntoId: contributions.mergedIntoId
		})
		.from(contributions)
		.where(
			and(
				eq(contributions.tenantId, tenantId),
				eq(contributions.processId, processId),
				inArray(contributions.id, unique)
			)
		);
	if (rows.length !== unique.length)
		throw new ValidationError({ contributionIds: 'participation_error_contribution_invalid' });
	const out = new Set<string>();
	for (const r of rows) {
		if (r.status === 'merged' && r.mergedIntoId) out.add(r.mergedIntoId);
		else if (r.status === 'published') out.add(r.id);
		else
			throw new ValidationError({
				contributionIds: 'participation_error_contribution_unpublished'
			});
	}
	return [...out];
}

/** Staff draw a recommendation from contributions (clustering), in a field of action. */
export async function createRecommendation(
	ctx: Ctx,
	tenantId: string,
	processId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const actor = ctx.actor;
	const data = parse(raw);
	await checkField(ctx.db, tenantId, data.fieldOfActionId);
	return ctx.db.transaction(async (tx) => {
		const process = await loadProcess(tx, tenantId, processId);
		const linked = await resolveContributions(tx, tenantId, processId, data.contributionIds);
		const [row] = await tx
			.insert(recommendations)
			.values({
				tenantId,
				processId,
				title: data.title,
				body: data.body ?? null,
				fieldOfActionId: data.fieldOfActionId ?? null,
				position: data.position,
				createdBy: actor.userId
			})
			.returning();
		if (linked.length > 0)
			await tx
				.insert(recommendationContributions)
				.values(
					linked.map((contributionId) => ({ tenantId, recommendationId: row.id, contributionId }))
				);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'recommendation.create',
			entityType: 'recommendation',
			entityId: row.id,
			after: { name: row.title, process: process.title, contributionIds: linked }
		});
		return { id: row.id };
	});
}

/** Changes text, field and order of a recommendation and sets its linked contributions. */
export async function updateRecommendation(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const data = parse(raw);
	await checkField(ctx.db, tenantId, data.fieldOfActionId);
	await ctx.db.transaction(async (tx) => {
		const before = await loadRecommendation(tx, tenantId, id, true);
		const linked = await resolveContributions(tx, tenantId, before.processId, data.contributionIds);
		const previous = await linkedIds(tx, tenantId, id);
		await tx
			.update(recommendations)
			.set({
				title: data.title,
				body: data.body ?? null,
				fieldOfActionId: data.fieldOfActionId ?? null,
				position: data.position,
				updatedAt: new Date()
			})
			.where(eq(recommendations.id, id));
		await tx
			.delete(recommendationContributions)
			.where(eq(recommendationContributions.recommendationId, id));
		if (linked.length > 0)
			await tx
				.insert(recommendationContributions)
				.values(
					linked.map((contributionId) => ({ tenantId, recommendationId: id, contributionId }))
				);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'recommendation.update',
			entityType: 'recommendation',
			entityId: id,
			before: {
				name: before.title,
				body: before.body,
				fieldOfActionId: before.fieldOfActionId,
				contributionIds: previous
			},
			after: {
				name: data.title,
				body: data.body ?? null,
				fieldOfActionId: data.fieldOfActionId ?? null,
				contributionIds: linked
			}
		});
	});
}

async function linkedIds(db: Executor, tenantId: string, id: string) {
	const rows = await db
		.select({ id: recommendationContributions.contributionId })
		.from(recommendationContributions)
		.where(
			and(
				eq(recommendationContributions.tenantId, tenantId),
				eq(recommendationContributions.recommendationId, id)
			)
		);
	return rows.map((r) => r.id);
}

/** Adds contributions to a recommendation (clustering from the contribution list). */
export async function linkContributions(
	ctx: Ctx,
	tenantId: string,
	id: string,
	contributionIds: unknown
): Promise<number> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const ids = (Array.isArray(contributionIds) ? contributionIds : [contributionIds]).filter(
		(x): x is string => typeof x === 'string' && x !== ''
	);
	if (ids.length === 0 || !ids.every(isUuid))
		throw new ValidationError({ contributionIds: 'participation_error_contribution_none' });
	return ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, id, true);
		const linked = await resolveContributions(tx, tenantId, rec.processId, ids);
		const added = await tx
			.insert(recommendationContributions)
			.values(linked.map((contributionId) => ({ tenantId, recommendationId: id, contributionId })))
			.onConflictDoNothing()
			.returning({ id: recommendationContributions.contributionId });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'recommendation.link',
			entityType: 'recommendation',
			entityId: id,
			after: { name: rec.title, added: added.map((a) => a.id) }
		});
		return added.length;
	});
}

export async function unlinkContribution(
	ctx: Ctx,
	tenantId: string,
	id: string,
	contributionId: string
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	if (!isUuid(contributionId)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, id, true);
		const removed = await tx
			.delete(recommendationContributions)
			.where(
				and(
					eq(recommendationContributions.tenantId, tenantId),
					eq(recommendationContributions.recommendationId, id),
					eq(recommendationContributions.contributionId, contributionId)
				)
			)
			.returning();
		if (removed.length === 0) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'recommendation.unlink',
			entityType: 'recommendation',
			entityId: id,
			after: { name: rec.title, removed: contributionId }
		});
	});
}

async function storeOutcome(
	tx: Executor,
	ctx: Ctx,
	rec: typeof recommendations.$inferSelect,
	kind: OutcomeKind | null,
	ref: string | null,
	note: string | null
) {
	await tx
		.update(recommendations)
		.set({
			outcomeKind: kind,
			outcomeRef: ref,
			outcomeNote: note,
			outcomeAt: kind ? new Date() : null,
			updatedAt: new Date()
		})
		.where(eq(recommendations.id, rec.id));
	await recordAudit(tx, ctx, {
		tenantId: rec.tenantId,
		action: 'recommendation.outcome',
		entityType: 'recommendation',
		entityId: rec.id,
		before: {
			name: rec.title,
			outcomeKind: rec.outcomeKind,
			outcomeRef: rec.outcomeRef,
			outcomeNote: rec.outcomeNote
		},
		after: { name: rec.title, outcomeKind: kind, outcomeRef: ref, outcomeNote: note }
	});
}

/** Adopted (beschlossen), rejected (with the reason in the note), or back to open ('none'). */
export async function setRecommendationOutcome(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const parsed = outcomeInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const { kind, note } = parsed.data;
	await ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, id, true);
		await storeOutcome(tx, ctx, rec, kind === 'none' ? null : kind, null, note ?? null);
	});
}

/**
 * Turns a recommendation into a need (Bedarf) of the offer review: the need takes title, text
 * and field of action, names the process as its source, and the recommendation links to it.
 * Needs the right to record needs as well.
 */
export async function turnRecommendationIntoNeed(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: { urgency?: unknown; targetGroup?: unknown; note?: unknown } = {}
): Promise<{ needId: string }> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	authorize(ctx.actor, 'needs.manage', { tenantId });
	return ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, id, true);
		if (rec.outcomeKind === 'need' && rec.outcomeRef)
			throw new ValidationError({ form: 'participation_error_already_need' });
		const process = await loadProcess(tx, tenantId, rec.processId);
		const n = await linkedIds(tx, tenantId, id);
		const { needId } = await createNeed({ ...ctx, db: tx as unknown as Db }, tenantId, {
			title: rec.title.slice(0, 200),
			description: rec.body ?? '',
			fieldOfActionId: rec.fieldOfActionId ?? '',
			targetGroup: typeof raw.targetGroup === 'string' ? raw.targetGroup : '',
			sourceKind: 'dialogue',
			sourceNote: `Handlungsempfehlung aus „${process.title}“ (${n.length} Beiträge)`.slice(
				0,
				1000
			),
			urgency: typeof raw.urgency === 'string' ? raw.urgency : '',
			status: 'open'
		}).then((r) => ({ needId: r.id }));
		const note =
			typeof raw.note === 'string' && raw.note.trim() !== ''
				? raw.note.trim().slice(0, 2000)
				: null;
		await storeOutcome(tx, ctx, rec, 'need', needId, note);
		return { needId };
	});
}

/**
 * Records that a recommendation became a measure (Maßnahme) of the integration concept.
 * Contract: the caller has created or chosen the measure and checked that it belongs to
 * `tenantId` (the concept's own service does); this function authorises participation.manage,
 * checks the recommendation belongs to the tenant, stores outcome "measure" with the measure's
 * id as outcome_ref (replacing any earlier outcome) and writes the audit row, all in one
 * transaction on ctx.db (pass a transaction as ctx.db to join the caller's).
 */
export async function recordMeasureOutcome(
	ctx: Ctx,
	tenantId: string,
	recommendationId: string,
	measureId: string,
	note: string | null = null
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	if (!isUuid(measureId))
		throw new ValidationError({ measureId: 'participation_error_measure_invalid' });
	await ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, recommendationId, true);
		// the measure must be one of the tenant's
		const [measure] = await tx
			.select({ id: conceptMeasures.id })
			.from(conceptMeasures)
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, measureId)));
		if (!measure) throw new ValidationError({ measureId: 'participation_error_measure_invalid' });
		await storeOutcome(tx, ctx, rec, 'measure', measureId, note);
	});
}

/**
 * "In Maßnahme überführen": turns a recommendation into a measure of the integration concept,
 * either a new measure in the working edition (the draft, else the adopted one) under the chosen
 * goal, prefilled with the recommendation's title and text, or an existing measure of the
 * tenant. The measure links back to the recommendation (link kind "recommendation") and the
 * recommendation records outcome "measure"; all in one transaction. Needs the rights to manage
 * participation and the concept.
 */
export async function turnRecommendationIntoMeasure(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: {
		mode?: unknown;
		goalId?: unknown;
		stateId?: unknown;
		isPublic?: unknown;
		measureId?: unknown;
		note?: unknown;
	}
): Promise<{ measureId: string }> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const note =
		typeof raw.note === 'string' && raw.note.trim() !== '' ? raw.note.trim().slice(0, 2000) : null;
	return ctx.db.transaction(async (tx) => {
		const inner: Ctx = { ...ctx, db: tx as unknown as Db };
		const rec = await loadRecommendation(tx, tenantId, id, true);
		let measureId: string;
		if (raw.mode === 'existing') {
			measureId = typeof raw.measureId === 'string' ? raw.measureId : '';
			const [measure] = isUuid(measureId)
				? await tx
						.select({ id: conceptMeasures.id })
						.from(conceptMeasures)
						.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, measureId)))
				: [];
			if (!measure) throw new ValidationError({ measureId: 'participation_error_measure_invalid' });
		} else {
			const edition = await workingEdition(tx, tenantId);
			if (!edition || edition.state === 'superseded')
				throw new ValidationError({ goalId: 'participation_error_no_edition' });
			({ id: measureId } = await createMeasure(inner, tenantId, edition.id, {
				goalId: raw.goalId,
				stateId: raw.stateId,
				isPublic: raw.isPublic,
				title: rec.title.slice(0, 300),
				description: rec.body ?? ''
			}));
		}
		await addMeasureLink(inner, tenantId, measureId, {
			kind: 'recommendation',
			targetId: rec.id
		});
		await recordMeasureOutcome(inner, tenantId, rec.id, measureId, note);
		return { measureId };
	});
}

export interface OutcomeMeasure {
	id: string;
	title: string;
	/** on the public concept page: public, its edition adopted, not a mere proposal */
	isPublic: boolean;
}

/** The measures recommendations became, by id (only the tenant's). */
export async function outcomeMeasures(
	db: Executor,
	tenantId: string,
	ids: string[]
): Promise<Map<string, OutcomeMeasure>> {
	const unique = [...new Set(ids)].filter(isUuid);
	if (unique.length === 0) return new Map();
	const rows = await db
		.select({
			id: conceptMeasures.id,
			title: conceptMeasures.title,
			isPublic: conceptMeasures.isPublic,
			edition: conceptEditions.state,
			category: measureStates.category
		})
		.from(conceptMeasures)
		.innerJoin(conceptEditions, eq(conceptEditions.id, conceptMeasures.editionId))
		.innerJoin(measureStates, eq(measureStates.id, conceptMeasures.stateId))
		.where(and(eq(conceptMeasures.tenantId, tenantId), inArray(conceptMeasures.id, unique)));
	return new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				title: r.title,
				isPublic: r.isPublic && r.edition === 'adopted' && r.category !== 'proposed'
			}
		])
	);
}

export async function deleteRecommendation(ctx: Ctx, tenantId: string, id: string): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, id, true);
		const ids = await linkedIds(tx, tenantId, id);
		await tx.delete(recommendations).where(eq(recommendations.id, id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'recommendation.delete',
			entityType: 'recommendation',
			entityId: id,
			before: { name: rec.title, contributionIds: ids }
		});
	});
}

export interface RecommendationView {
	id: string;
	title: string;
	body: string | null;
	position: number;
	fieldOfActionId: string | null;
	fieldOfActionName: string | null;
	outcomeKind: OutcomeKind | null;
	outcomeRef: string | null;
	outcomeNote: string | null;
	outcomeAt: Date | null;
	/** the measure it became (outcome "measure"), when it still exists */
	measure: OutcomeMeasure | null;
	contributions: {
		id: string;
		body: string;
		status: string;
		dialogueId: string | null;
		targetGroup: string | null;
		source: 'online' | 'offline';
	}[];
}

/**
 * The recommendations of a process in field and position order, each with the contributions it
 * draws on. For the public only published contributions are listed (the count includes all).
 */
export async function listRecommendations(
	db: Executor,
	tenantId: string,
	processId: string,
	locale: string
): Promise<RecommendationView[]> {
	const rows = await db
		.select({ r: recommendations, names: fieldsOfAction.names, fieldPos: fieldsOfAction.position })
		.from(recommendations)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, recommendations.fieldOfActionId))
		.where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.processId, processId)))
		.orderBy(
			sql`${fieldsOfAction.position} NULLS LAST`,
			asc(recommendations.position),
			asc(recommendations.createdAt)
		);
	const ids = rows.map((x) => x.r.id);
	const links =
		ids.length === 0
			? []
			: await db
					.select({
						recommendationId: recommendationContributions.recommendationId,
						id: contributions.id,
						body: contributions.body,
						status: contributions.status,
						dialogueId: contributions.dialogueId,
						targetGroup: contributions.targetGroup,
						source: contributions.source
					})
					.from(recommendationContributions)
					.innerJoin(
						contributions,
						eq(contributions.id, recommendationContributions.contributionId)
					)
					.where(
						and(
							eq(recommendationContributions.tenantId, tenantId),
							inArray(recommendationContributions.recommendationId, ids)
						)
					)
					.orderBy(asc(contributions.createdAt));
	const measures = await outcomeMeasures(
		db,
		tenantId,
		rows.filter((x) => x.r.outcomeKind === 'measure' && x.r.outcomeRef).map((x) => x.r.outcomeRef!)
	);
	return rows.map(({ r, names }) => ({
		id: r.id,
		title: r.title,
		body: r.body,
		position: r.position,
		fieldOfActionId: r.fieldOfActionId,
		fieldOfActionName: names ? localName(names, locale) : null,
		outcomeKind: r.outcomeKind,
		outcomeRef: r.outcomeRef,
		outcomeNote: r.outcomeNote,
		outcomeAt: r.outcomeAt,
		measure:
			r.outcomeKind === 'measure' && r.outcomeRef ? (measures.get(r.outcomeRef) ?? null) : null,
		contributions: links
			.filter((l) => l.recommendationId === r.id)
			.map(({ recommendationId: _r, ...c }) => c)
	}));
}

export async function getRecommendation(
	ctx: Ctx,
	tenantId: string,
	id: string
): Promise<RecommendationView & { processId: string }> {
	authorize(ctx.actor, 'participation.view', { tenantId });
	const rec = await loadRecommendation(ctx.db, tenantId, id);
	const all = await listRecommendations(ctx.db, tenantId, rec.processId, ctx.locale);
	const view = all.find((r) => r.id === id)!;
	return { ...view, processId: rec.processId };
}

/** Groups recommendations by field of action, in order (for pages and the results document). */
export function groupByField<
	T extends { fieldOfActionId: string | null; fieldOfActionName: string | null }
>(items: T[]): { fieldOfActionId: string | null; name: string | null; items: T[] }[] {
	const groups: { fieldOfActionId: string | null; name: string | null; items: T[] }[] = [];
	for (const item of items) {
		let g = groups.find((x) => x.fieldOfActionId === item.fieldOfActionId);
		if (!g)
			groups.push(
				(g = { fieldOfActionId: item.fieldOfActionId, name: item.fieldOfActionName, items: [] })
			);
		g.items.push(item);
	}
	return groups;
}
