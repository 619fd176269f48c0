import { eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { papers } from './schema';
import { canEditPaper, loadVisiblePaper } from './access';
import { auditView, columns, lockPaper, parsePaper, writeAuthors, writeParent } from './paper-data';
import { requireUuid } from '../shared';

/** Changes a paper's content (not its number or state). */
export async function updatePaper(
	ctx: TenantCtx,
	input: { paperId: string } & Record<string, unknown>
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { paperId, ...raw } = input;
	const id = requireUuid(paperId);
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, id);
	if (!canEditPaper(ctx.actor, pc)) throw new NotFoundError();
	const d = await parsePaper(ctx.db, tenantId, raw, id);
	// moving a paper to another body needs the right to write papers for that body
	if ((d.originatingBodyId ?? null) !== pc.paper.originatingBodyId)
		authorize(ctx.actor, 'paper.create', { tenantId, bodyId: d.originatingBodyId });
	await ctx.db.transaction(async (tx) => {
		const before = await lockPaper(tx, tenantId, id);
		const [after] = await tx
			.update(papers)
			.set({ ...columns(d), updatedAt: new Date() })
			.where(eq(papers.id, id))
			.returning();
		if (d.authorIds.length || d.authorNames.length) await writeAuthors(tx, tenantId, id, d);
		await writeParent(tx, tenantId, id, d.parentPaperId);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.update',
			entityType: 'paper',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}
