/**
 * Moderation of contributions (staff): publish, hide with a reason, merge duplicates, hide
 * comments, each logged. Every action names the process of the URL; a contribution or comment of
 * another process is not found.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { users } from '../auth/schema';
import { fieldErrors, isUuid, requireUuid } from '../shared';
import {
	contributionComments,
	contributions,
	contributionSupports,
	moderationLog,
	recommendationContributions,
	type ContributionStatus
} from './schema';
import { reasonInput } from './validation';
import { loadContribution } from './rows';

interface ContributionInput {
	processId: string;
	contributionId: unknown;
}

/** Staff only; the contribution of the URL's process, locked. */
async function moderated(tx: Executor, ctx: TenantCtx, input: ContributionInput) {
	const processId = requireUuid(input.processId);
	return loadContribution(tx, ctx.tenant.id, input.contributionId, { processId, lock: true });
}

function parseReason(reason: unknown): string {
	const parsed = reasonInput.safeParse(reason);
	if (!parsed.success) throw new ValidationError({ reason: fieldErrors(parsed.error).form });
	return parsed.data;
}

async function logModeration(
	tx: Executor,
	ctx: TenantCtx,
	row: typeof contributions.$inferSelect,
	action: 'publish' | 'hide' | 'merge',
	extra: { reason?: string | null; targetId?: string | null; status: ContributionStatus }
) {
	await tx.insert(moderationLog).values({
		tenantId: row.tenantId,
		contributionId: row.id,
		action,
		reason: extra.reason ?? null,
		targetId: extra.targetId ?? null,
		actorId: ctx.actor?.userId ?? null
	});
	await recordAudit(tx, ctx, {
		tenantId: row.tenantId,
		action: `contribution.${action}`,
		entityType: 'contribution',
		entityId: row.id,
		before: { status: row.status },
		after: { status: extra.status, reason: extra.reason ?? null, targetId: extra.targetId ?? null }
	});
}

/** Publishes a waiting or hidden contribution. */
export async function publishContribution(ctx: TenantCtx, input: ContributionInput): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId: ctx.tenant.id });
	await ctx.db.transaction(async (tx) => {
		const row = await moderated(tx, ctx, input);
		if (row.status === 'published') return;
		if (row.status === 'merged') throw new ValidationError({ form: 'participation_error_merged' });
		await tx
			.update(contributions)
			.set({ status: 'published', hiddenReason: null, updatedAt: new Date() })
			.where(eq(contributions.id, row.id));
		await logModeration(tx, ctx, row, 'publish', { status: 'published' });
	});
}

/** Hides a contribution from the public; the reason is required and logged. */
export async function hideContribution(
	ctx: TenantCtx,
	input: ContributionInput & { reason?: unknown }
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId: ctx.tenant.id });
	const reason = parseReason(input.reason);
	await ctx.db.transaction(async (tx) => {
		const row = await moderated(tx, ctx, input);
		if (row.status === 'merged') throw new ValidationError({ form: 'participation_error_merged' });
		await tx
			.update(contributions)
			.set({ status: 'hidden', hiddenReason: reason, updatedAt: new Date() })
			.where(eq(contributions.id, row.id));
		await logModeration(tx, ctx, row, 'hide', { status: 'hidden', reason });
	});
}

/**
 * Merges a duplicate into another contribution of the same process: the duplicate is kept
 * (marked merged, pointing to the target), its supports and recommendation links move over.
 */
export async function mergeContribution(
	ctx: TenantCtx,
	input: ContributionInput & { targetId?: unknown; reason?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const { targetId, reason } = input;
	if (!isUuid(targetId) || targetId === input.contributionId)
		throw new ValidationError({ targetId: 'participation_error_merge_target_invalid' });
	const note =
		typeof reason === 'string' && reason.trim() !== '' ? reason.trim().slice(0, 500) : null;
	await ctx.db.transaction(async (tx) => {
		const row = await moderated(tx, ctx, input);
		const id = row.id;
		const [target] = await tx
			.select()
			.from(contributions)
			.where(
				and(
					eq(contributions.tenantId, tenantId),
					eq(contributions.processId, row.processId),
					eq(contributions.id, targetId)
				)
			)
			.for('update');
		if (!target || target.status === 'merged')
			throw new ValidationError({ targetId: 'participation_error_merge_target_invalid' });
		if (row.status === 'merged') throw new ValidationError({ form: 'participation_error_merged' });
		// supports: one per person on the target as well
		await tx.execute(sql`
			INSERT INTO contribution_supports (tenant_id, contribution_id, supporter_key, created_at)
			SELECT tenant_id, ${targetId}::uuid, supporter_key, created_at FROM contribution_supports
			WHERE contribution_id = ${id}::uuid
			ON CONFLICT DO NOTHING`);
		await tx.delete(contributionSupports).where(eq(contributionSupports.contributionId, id));
		await tx.execute(sql`
			INSERT INTO recommendation_contributions (tenant_id, recommendation_id, contribution_id, created_at)
			SELECT tenant_id, recommendation_id, ${targetId}::uuid, created_at FROM recommendation_contributions
			WHERE contribution_id = ${id}::uuid
			ON CONFLICT DO NOTHING`);
		await tx
			.delete(recommendationContributions)
			.where(eq(recommendationContributions.contributionId, id));
		await tx
			.update(contributions)
			.set({ status: 'merged', mergedIntoId: targetId, updatedAt: new Date() })
			.where(eq(contributions.id, id));
		await logModeration(tx, ctx, row, 'merge', { status: 'merged', targetId, reason: note });
	});
}

/** Hides a comment (post-moderation), with a reason in the audit log. */
export async function hideComment(
	ctx: TenantCtx,
	input: { processId: string; commentId: unknown; reason?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const commentId = requireUuid(input.commentId);
	const reason = parseReason(input.reason);
	await ctx.db.transaction(async (tx) => {
		// only a comment on a contribution of the URL's process
		const [comment] = await tx
			.select({ id: contributionComments.id })
			.from(contributionComments)
			.innerJoin(contributions, eq(contributions.id, contributionComments.contributionId))
			.where(
				and(
					eq(contributionComments.tenantId, tenantId),
					eq(contributionComments.id, commentId),
					eq(contributions.processId, processId)
				)
			)
			.for('update');
		if (!comment) throw new NotFoundError();
		const [row] = await tx
			.update(contributionComments)
			.set({ status: 'hidden' })
			.where(eq(contributionComments.id, commentId))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'contribution.comment_hide',
			entityType: 'contribution',
			entityId: row.contributionId,
			after: { commentId, reason }
		});
	});
}

/** The moderation log of a contribution (staff). */
export async function moderationHistory(ctx: TenantCtx, input: { contributionId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const contributionId = requireUuid(input.contributionId);
	return ctx.db
		.select({
			id: moderationLog.id,
			action: moderationLog.action,
			reason: moderationLog.reason,
			targetId: moderationLog.targetId,
			actorName: users.name,
			createdAt: moderationLog.createdAt
		})
		.from(moderationLog)
		.leftJoin(users, eq(users.id, moderationLog.actorId))
		.where(
			and(eq(moderationLog.tenantId, tenantId), eq(moderationLog.contributionId, contributionId))
		)
		.orderBy(asc(moderationLog.createdAt));
}

/** The moderation log of a whole process (staff), newest first. */
export async function processModerationLog(ctx: TenantCtx, input: { processId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	return ctx.db
		.select({
			id: moderationLog.id,
			contributionId: moderationLog.contributionId,
			excerpt: sql<string>`left(${contributions.body}, 80)`,
			action: moderationLog.action,
			reason: moderationLog.reason,
			actorName: users.name,
			createdAt: moderationLog.createdAt
		})
		.from(moderationLog)
		.innerJoin(contributions, eq(contributions.id, moderationLog.contributionId))
		.leftJoin(users, eq(users.id, moderationLog.actorId))
		.where(and(eq(moderationLog.tenantId, tenantId), eq(contributions.processId, processId)))
		.orderBy(desc(moderationLog.createdAt))
		.limit(200);
}
