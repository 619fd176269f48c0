import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { conceptGoals, conceptMeasures } from '../concept/schema';
import { paperLinks } from './schema';
import { canEditPaper, loadVisiblePaper } from './access';
import { paperName } from './paper-data';
import { isUuid, requireUuid } from '../shared';

/** Generic links to other objects (e.g. kind "measure"); the picker is wired by the concept issue. */
export const PAPER_LINK_KINDS = ['measure'] as const;

export async function addPaperLink(
	ctx: TenantCtx,
	input: { paperId: unknown; kind: string; targetId?: string | null; label?: string | null }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const paperId = requireUuid(input.paperId);
	const link = { kind: input.kind, targetId: input.targetId ?? null, label: input.label };
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	if (!canEditPaper(ctx.actor, pc)) throw new NotFoundError();
	const errors: Record<string, string> = {};
	if (!(PAPER_LINK_KINDS as readonly string[]).includes(link.kind))
		errors.kind = 'papers_error_link_kind';
	if (link.targetId != null && !isUuid(link.targetId)) errors.targetId = 'papers_error_link_target';
	// a measure link points at a measure of the tenant's concept; its label defaults to
	// "Ziel › Maßnahme"
	let label = link.label?.trim() ?? '';
	if (link.kind === 'measure' && !errors.targetId) {
		const [measure] = link.targetId
			? await ctx.db
					.select({ title: conceptMeasures.title, goal: conceptGoals.title })
					.from(conceptMeasures)
					.innerJoin(conceptGoals, eq(conceptGoals.id, conceptMeasures.goalId))
					.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, link.targetId)))
			: [];
		if (!measure) errors.targetId = 'papers_error_link_target';
		else if (!label) label = `${measure.goal} › ${measure.title}`.slice(0, 300);
	}
	if (!label || label.length > 300) errors.label = 'papers_error_link_label';
	if (Object.keys(errors).length) throw new ValidationError(errors);
	return ctx.db.transaction(async (tx) => {
		const [dup] = link.targetId
			? await tx
					.select({ id: paperLinks.id })
					.from(paperLinks)
					.where(
						and(
							eq(paperLinks.tenantId, tenantId),
							eq(paperLinks.paperId, paperId),
							eq(paperLinks.kind, link.kind),
							eq(paperLinks.targetId, link.targetId)
						)
					)
			: [];
		if (dup) return { id: dup.id };
		const [row] = await tx
			.insert(paperLinks)
			.values({ tenantId, paperId, kind: link.kind, targetId: link.targetId, label })
			.returning({ id: paperLinks.id });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.link_add',
			entityType: 'paper',
			entityId: paperId,
			after: { name: paperName(pc.paper), kind: link.kind, targetId: link.targetId, label }
		});
		return { id: row.id };
	});
}
