/** Links of a measure: to guidelines, meeting decisions, recommendations, papers and web pages. */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { agendaItems } from '../meetings/schema';
import { recommendations } from '../participation/schema';
import { canSeePaper, loadPaperContext } from '../papers/access';
import { requireUuid, str } from '../shared';
import { conceptGuidelines, measureLinks, type MeasureLinkKind } from './schema';
import { editableEdition } from './editions';
import { measureFor } from './measures';
import { linkInput, parseOrThrow, type Input } from './validation';

/** The link form names the target by kind (a select per kind): one targetId for the use case. */
export function linkTargetOf(values: Input): string {
	const byKind: Record<string, unknown> = {
		agenda_item: values.agendaItemId,
		recommendation: values.recommendationId,
		paper: values.paperId
	};
	const kind = str(values.kind);
	return str(kind in byKind ? byKind[kind] : values.targetId);
}

/**
 * Whether the target of a link is the tenant's: a guideline of the measure's edition, an agenda
 * item, a recommendation, or a paper the actor may see.
 */
async function targetExists(
	tx: Executor,
	ctx: TenantCtx,
	editionId: string,
	kind: Exclude<MeasureLinkKind, 'url'>,
	targetId: string
): Promise<boolean> {
	const tenantId = ctx.tenant.id;
	switch (kind) {
		case 'guideline':
			return (
				(
					await tx
						.select({ id: conceptGuidelines.id })
						.from(conceptGuidelines)
						.where(
							and(
								eq(conceptGuidelines.tenantId, tenantId),
								eq(conceptGuidelines.id, targetId),
								eq(conceptGuidelines.editionId, editionId)
							)
						)
				).length > 0
			);
		case 'agenda_item':
			return (
				(
					await tx
						.select({ id: agendaItems.id })
						.from(agendaItems)
						.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, targetId)))
				).length > 0
			);
		case 'recommendation':
			return (
				(
					await tx
						.select({ id: recommendations.id })
						.from(recommendations)
						.where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, targetId)))
				).length > 0
			);
		case 'paper': {
			const pc = await loadPaperContext(tx, tenantId, targetId);
			return !!pc && canSeePaper(ctx.actor, pc);
		}
	}
}

export async function addMeasureLink(ctx: TenantCtx, input: Input & { measureId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const measureId = requireUuid(input.measureId);
	const data = parseOrThrow(linkInput, input);
	return ctx.db.transaction(async (tx) => {
		const m = await measureFor(tx, tenantId, measureId);
		await editableEdition(tx, tenantId, m.editionId);
		if (
			data.kind !== 'url' &&
			!(await targetExists(tx, ctx, m.editionId, data.kind, data.targetId!))
		)
			throw new ValidationError({ targetId: 'concept_error_link_target' });
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

/** Removes a link of the measure; a link of another measure is not found. */
export async function removeMeasureLink(
	ctx: TenantCtx,
	input: { measureId: string; linkId: string }
) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const measureId = requireUuid(input.measureId);
	const linkId = requireUuid(input.linkId);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(measureLinks)
			.where(
				and(
					eq(measureLinks.tenantId, tenantId),
					eq(measureLinks.id, linkId),
					eq(measureLinks.measureId, measureId)
				)
			);
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
