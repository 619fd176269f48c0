import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { paperComments } from './schema';
import { commentInput } from './validation';
import { discussionBodyIds, loadVisiblePaper } from './access';
import { paperName } from './paper-data';
import { parseOrThrow, requireUuid } from '../shared';

/**
 * A comment in the paper's discussion thread of a body (the addressed or a consulting body).
 * Only the body's members read and write it.
 */
export async function addPaperComment(
	ctx: TenantCtx,
	input: { paperId: unknown; bodyId?: unknown; text?: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const paperId = requireUuid(input.paperId);
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	const actor = ctx.actor!;
	const parsed = parseOrThrow(commentInput, { bodyId: input.bodyId, text: input.text });
	const { bodyId, text } = parsed;
	if (!discussionBodyIds(pc).includes(bodyId) || !actor.bodyRoles?.[bodyId])
		throw new NotFoundError();
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(paperComments)
			.values({ tenantId, paperId, bodyId, authorId: actor.userId, text })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.comment',
			entityType: 'paper',
			entityId: paperId,
			after: { name: paperName(pc.paper), bodyId, commentId: row.id }
		});
		return { id: row.id };
	});
}
