/**
 * Recommendations (Handlungsempfehlungen) drawn from the contributions of a process (staff).
 * Every action names the process of the URL; a recommendation of another process is not found.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow, isUuid, requireUuid } from '../shared';
import { contributions, recommendationContributions, recommendations } from './schema';
import { recommendationInput, type RecommendationData } from './validation';
import { areOwnFields, loadProcess, loadRecommendation } from './rows';

/** What names a recommendation in a request: the process of the URL and the recommendation. */
export interface RecommendationRef {
	processId: string;
	recommendationId: unknown;
	/** the form's fields */
	[field: string]: unknown;
}

/** Staff only; the recommendation of the URL's process, locked for the change. */
export async function managedRecommendation(
	tx: Executor,
	ctx: TenantCtx,
	input: RecommendationRef
) {
	const processId = requireUuid(input.processId);
	return loadRecommendation(tx, ctx.tenant.id, input.recommendationId, { processId, lock: true });
}

function parse(raw: unknown): RecommendationData {
	return parseOrThrow(recommendationInput, raw);
}

async function checkField(db: Executor, tenantId: string, id: string | undefined) {
	if (id && !(await areOwnFields(db, tenantId, [id])))
		throw new ValidationError({ fieldOfActionId: 'participation_error_field_invalid' });
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
	ctx: TenantCtx,
	input: { processId: string; [field: string]: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const actor = ctx.actor;
	const processId = requireUuid(input.processId);
	const data = parse(input);
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
	ctx: TenantCtx,
	input: RecommendationRef
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const data = parse(input);
	await checkField(ctx.db, tenantId, data.fieldOfActionId);
	await ctx.db.transaction(async (tx) => {
		const before = await managedRecommendation(tx, ctx, input);
		const id = before.id;
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

export async function linkedIds(db: Executor, tenantId: string, id: string) {
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
	ctx: TenantCtx,
	input: RecommendationRef & { contributionIds?: unknown }
): Promise<number> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const { contributionIds } = input;
	const ids = (Array.isArray(contributionIds) ? contributionIds : [contributionIds]).filter(
		(x): x is string => typeof x === 'string' && x !== ''
	);
	if (ids.length === 0 || !ids.every(isUuid))
		throw new ValidationError({ contributionIds: 'participation_error_contribution_none' });
	return ctx.db.transaction(async (tx) => {
		const rec = await managedRecommendation(tx, ctx, input);
		const id = rec.id;
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
	ctx: TenantCtx,
	input: RecommendationRef & { contributionId: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const contributionId = requireUuid(input.contributionId);
	await ctx.db.transaction(async (tx) => {
		const rec = await managedRecommendation(tx, ctx, input);
		const id = rec.id;
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

export async function deleteRecommendation(
	ctx: TenantCtx,
	input: RecommendationRef
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const rec = await managedRecommendation(tx, ctx, input);
		const id = rec.id;
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
