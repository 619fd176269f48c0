/**
 * What became of a recommendation: adopted or rejected, a need (Bedarf) of the offer review, or
 * a measure (Maßnahme) of the integration concept.
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Db, Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { recordNeed } from '../needs/save-need';
import { conceptMeasures } from '../concept/schema';
import { workingEdition } from '../concept/editions';
import { createMeasure } from '../concept/measures';
import { addMeasureLink } from '../concept/measure-links';
import { parseOrThrow, isUuid } from '../shared';
import { recommendations, type OutcomeKind } from './schema';
import { outcomeInput } from './validation';
import { loadRecommendation, loadProcess } from './rows';
import { linkedIds, managedRecommendation, type RecommendationRef } from './recommendations';

/** A text of the form, trimmed and cut to `max`; blank is null. */
function note(value: unknown, max = 2000): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
}

async function storeOutcome(
	tx: Executor,
	ctx: TenantCtx,
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
	ctx: TenantCtx,
	input: RecommendationRef & { kind?: unknown; note?: unknown }
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId: ctx.tenant.id });
	const parsed = parseOrThrow(outcomeInput, { kind: input.kind, note: input.note ?? '' });
	const { kind, note } = parsed;
	await ctx.db.transaction(async (tx) => {
		const rec = await managedRecommendation(tx, ctx, input);
		await storeOutcome(tx, ctx, rec, kind === 'none' ? null : kind, null, note ?? null);
	});
}

/**
 * Turns a recommendation into a need (Bedarf) of the offer review: the need takes title, text
 * and field of action, names the process as its source, and the recommendation links to it.
 * Needs the right to record needs as well.
 */
export async function turnRecommendationIntoNeed(
	ctx: TenantCtx,
	input: RecommendationRef & { urgency?: unknown; targetGroup?: unknown; note?: unknown }
): Promise<{ needId: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const raw = input;
	return ctx.db.transaction(async (tx) => {
		const rec = await managedRecommendation(tx, ctx, input);
		const id = rec.id;
		if (rec.outcomeKind === 'need' && rec.outcomeRef)
			throw new ValidationError({ form: 'participation_error_already_need' });
		const process = await loadProcess(tx, tenantId, rec.processId);
		const n = await linkedIds(tx, tenantId, id);
		const { needId } = await recordNeed(tx, ctx, tenantId, {
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
		await storeOutcome(tx, ctx, rec, 'need', needId, note(raw.note));
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
	ctx: TenantCtx,
	input: { recommendationId: string; measureId: string; note?: string | null }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const { recommendationId, measureId } = input;
	if (!isUuid(measureId))
		throw new ValidationError({ measureId: 'participation_error_measure_invalid' });
	await ctx.db.transaction(async (tx) => {
		const rec = await loadRecommendation(tx, tenantId, recommendationId, { lock: true });
		// the measure must be one of the tenant's
		const [measure] = await tx
			.select({ id: conceptMeasures.id })
			.from(conceptMeasures)
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, measureId)));
		if (!measure) throw new ValidationError({ measureId: 'participation_error_measure_invalid' });
		await storeOutcome(tx, ctx, rec, 'measure', measureId, input.note ?? null);
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
	ctx: TenantCtx,
	input: RecommendationRef & {
		mode?: unknown;
		goalId?: unknown;
		stateId?: unknown;
		isPublic?: unknown;
		measureId?: unknown;
		note?: unknown;
	}
): Promise<{ measureId: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const raw = input;
	return ctx.db.transaction(async (tx) => {
		const inner: TenantCtx = { ...ctx, db: tx as unknown as Db };
		const rec = await managedRecommendation(tx, ctx, input);
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
			({ id: measureId } = await createMeasure(inner, {
				editionId: edition.id,
				goalId: raw.goalId,
				stateId: raw.stateId,
				isPublic: raw.isPublic,
				title: rec.title.slice(0, 300),
				description: rec.body ?? ''
			}));
		}
		await addMeasureLink(inner, {
			measureId,
			kind: 'recommendation',
			targetId: rec.id
		});
		await recordMeasureOutcome(inner, {
			recommendationId: rec.id,
			measureId,
			note: note(raw.note)
		});
		return { measureId };
	});
}
