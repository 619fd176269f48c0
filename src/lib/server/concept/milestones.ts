/** Milestones of a measure: added, marked done (Berlin day) or open again. */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { berlinToday, requireUuid } from '../shared';
import { milestones } from './schema';
import { editableEdition } from './editions';
import { measureFor } from './measures';
import { milestoneInput, parseOrThrow, type Input } from './validation';

export async function addMilestone(ctx: TenantCtx, input: Input & { measureId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const measureId = requireUuid(input.measureId);
	const data = parseOrThrow(milestoneInput, input);
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

/**
 * Marks a milestone of the measure done today (Berlin) or open again. A milestone of another
 * measure is not found.
 */
export async function toggleMilestone(
	ctx: TenantCtx,
	input: { measureId: string; milestoneId: string; today?: string }
) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const measureId = requireUuid(input.measureId);
	const milestoneId = requireUuid(input.milestoneId);
	const today = input.today ?? berlinToday();
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(milestones)
			.where(
				and(
					eq(milestones.tenantId, tenantId),
					eq(milestones.id, milestoneId),
					eq(milestones.measureId, measureId)
				)
			);
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
