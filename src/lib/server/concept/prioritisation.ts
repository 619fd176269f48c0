/**
 * Prioritisation by dot voting (Punktabfrage): a round belongs to a working group (a body) or to
 * the whole network, gives each member a fixed number of points to spread over the edition's
 * proposed measures, and is open or closed. Totals rank the measures; the coordinator adopts the
 * top ones into the concept (their state changes, the history keeps it).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import type { Actor } from '../auth/actor';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies } from '../bodies/schema';
import { isUuid, list, requireUuid, str } from '../shared';
import { conceptGoals, conceptMeasures, measureHistory, measureStates } from './schema';
import { priorityAllocations, priorityRounds, type PriorityRound } from './prioritisation-schema';
import { editableEdition } from './editions';
import { parseOrThrow, roundInput, type Input } from './validation';
import { tenantBody } from './refs';
import { checkAllocation, rankMeasures, type RankedMeasure } from './calc';

export async function createRound(ctx: TenantCtx, input: Input & { editionId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const editionId = requireUuid(input.editionId);
	const data = parseOrThrow(roundInput, input);
	return ctx.db.transaction(async (tx) => {
		await editableEdition(tx, tenantId, editionId);
		if (data.bodyId) await tenantBody(tx, tenantId, data.bodyId);
		const [row] = await tx
			.insert(priorityRounds)
			.values({
				tenantId,
				editionId,
				bodyId: data.bodyId ?? null,
				title: data.title,
				pointsPerMember: data.pointsPerMember,
				createdBy: actor.userId
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.round_create',
			entityType: 'concept_round',
			entityId: row.id,
			after: { name: row.title, bodyId: row.bodyId, pointsPerMember: row.pointsPerMember }
		});
		return { id: row.id };
	});
}

/**
 * Who may give points: in a round of the whole network everyone with concept.prioritise in the
 * tenant; in a working group's round the group's members (any role in the body).
 */
export function mayVote(
	actor: Actor | null | undefined,
	round: Pick<PriorityRound, 'tenantId' | 'bodyId'>
) {
	if (!can(actor, 'concept.prioritise', { tenantId: round.tenantId })) return false;
	if (!round.bodyId) return true;
	return !!actor?.bodyRoles?.[round.bodyId];
}

async function roundFor(db: Executor, tenantId: string, id: unknown) {
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await db
		.select()
		.from(priorityRounds)
		.where(and(eq(priorityRounds.tenantId, tenantId), eq(priorityRounds.id, id)));
	if (!row) throw new NotFoundError();
	return row;
}

/** The proposed measures of the round's edition (those of the body when the round has one). */
async function roundMeasures(db: Executor, round: PriorityRound) {
	const conds = [
		eq(conceptMeasures.tenantId, round.tenantId),
		eq(conceptMeasures.editionId, round.editionId),
		eq(measureStates.category, 'proposed')
	];
	if (round.bodyId) conds.push(eq(conceptMeasures.bodyId, round.bodyId));
	return db
		.select({
			id: conceptMeasures.id,
			title: conceptMeasures.title,
			description: conceptMeasures.description,
			goal: conceptGoals.title
		})
		.from(conceptMeasures)
		.innerJoin(measureStates, eq(measureStates.id, conceptMeasures.stateId))
		.innerJoin(conceptGoals, eq(conceptGoals.id, conceptMeasures.goalId))
		.where(and(...conds))
		.orderBy(asc(conceptMeasures.title));
}

/**
 * The points of the allocation form: a field `p-<measureId>` per measure; blank is 0, anything
 * but a number is -1 (refused by the check).
 */
export function pointsOf(values: Input): Record<string, number> {
	const points: Record<string, number> = {};
	for (const [k, v] of Object.entries(values)) {
		if (!k.startsWith('p-')) continue;
		const text = str(v);
		const n = text.trim() === '' ? 0 : Number(text);
		points[k.slice(2)] = Number.isFinite(n) ? n : -1;
	}
	return points;
}

/**
 * A member's points; replaces what they gave before in this round. Only measures of the round
 * count; points for any other measure are refused.
 */
export async function allocatePoints(
	ctx: TenantCtx,
	input: { roundId: string; points: Record<string, number> }
) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.prioritise', { tenantId });
	const actor = ctx.actor;
	const points = input.points;
	await ctx.db.transaction(async (tx) => {
		const round = await roundFor(tx, tenantId, input.roundId);
		if (!mayVote(actor, round)) throw new NotFoundError();
		if (round.state !== 'open') throw new ValidationError({ form: 'concept_error_round_closed' });
		const measures = await roundMeasures(tx, round);
		const problem = checkAllocation(
			points,
			measures.map((m) => m.id),
			round.pointsPerMember
		);
		if (problem) throw new ValidationError({ form: problem });
		await tx
			.delete(priorityAllocations)
			.where(
				and(eq(priorityAllocations.roundId, round.id), eq(priorityAllocations.userId, actor.userId))
			);
		const rows = Object.entries(points)
			.filter(([, p]) => p > 0)
			.map(([measureId, p]) => ({
				tenantId,
				roundId: round.id,
				userId: actor.userId,
				measureId,
				points: p
			}));
		if (rows.length) await tx.insert(priorityAllocations).values(rows);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.points_allocate',
			entityType: 'concept_round',
			entityId: round.id,
			after: { name: round.title, total: rows.reduce((a, r) => a + r.points, 0) }
		});
	});
}

export interface RoundView {
	round: PriorityRound;
	bodyName: string | null;
	measures: { id: string; title: string; description: string | null; goal: string }[];
	/** the actor's own points per measure */
	mine: Record<string, number>;
	mayVote: boolean;
	ranking: (RankedMeasure & { title: string })[];
	participants: number;
}

export async function listRounds(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const rows = await ctx.db
		.select({ round: priorityRounds, bodyName: bodies.name })
		.from(priorityRounds)
		.leftJoin(bodies, eq(bodies.id, priorityRounds.bodyId))
		.where(eq(priorityRounds.tenantId, tenantId))
		.orderBy(desc(priorityRounds.createdAt));
	return rows.map((r) => ({
		...r.round,
		bodyName: r.bodyName,
		mayVote: mayVote(ctx.actor, r.round)
	}));
}

export async function getRound(ctx: TenantCtx, input: { roundId: string }): Promise<RoundView> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const round = await roundFor(ctx.db, tenantId, input.roundId);
	const [measures, allocations, body] = await Promise.all([
		roundMeasures(ctx.db, round),
		ctx.db.select().from(priorityAllocations).where(eq(priorityAllocations.roundId, round.id)),
		round.bodyId
			? ctx.db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, round.bodyId))
			: Promise.resolve([])
	]);
	const titles = new Map(measures.map((m) => [m.id, m.title]));
	const mine: Record<string, number> = {};
	for (const a of allocations) if (a.userId === ctx.actor?.userId) mine[a.measureId] = a.points;
	return {
		round,
		bodyName: body[0]?.name ?? null,
		measures,
		mine,
		mayVote: mayVote(ctx.actor, round),
		ranking: rankMeasures(
			measures.map((m) => m.id),
			allocations
		).map((r) => ({ ...r, title: titles.get(r.measureId)! })),
		participants: new Set(allocations.map((a) => a.userId)).size
	};
}

/** Closes an open round, or opens a closed one again. */
export async function closeRound(ctx: TenantCtx, input: { roundId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const round = await roundFor(tx, tenantId, input.roundId);
		const state = round.state === 'open' ? 'closed' : 'open';
		await tx
			.update(priorityRounds)
			.set({ state, closedAt: state === 'closed' ? new Date() : null })
			.where(eq(priorityRounds.id, round.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: state === 'closed' ? 'concept.round_close' : 'concept.round_reopen',
			entityType: 'concept_round',
			entityId: round.id,
			before: { name: round.title, state: round.state },
			after: { name: round.title, state }
		});
	});
}

/**
 * The coordinator adopts chosen measures of a round into the concept: their state becomes the
 * first active state (e.g. "geplant"), their rank is kept, the history records the change.
 */
export async function adoptPrioritised(
	ctx: TenantCtx,
	input: { roundId: string; measureIds: string | string[] }
) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const measureIds = list(input.measureIds);
	if (!measureIds.length) throw new ValidationError({ form: 'concept_error_adopt_choose' });
	return ctx.db.transaction(async (tx) => {
		const round = await roundFor(tx, tenantId, input.roundId);
		await editableEdition(tx, tenantId, round.editionId);
		const measures = await roundMeasures(tx, round);
		const inRound = new Set(measures.map((m) => m.id));
		if (measureIds.some((id) => !inRound.has(id)))
			throw new ValidationError({ form: 'concept_error_allocation_measure' });
		const [target] = await tx
			.select()
			.from(measureStates)
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.category, 'active')))
			.orderBy(asc(measureStates.position))
			.limit(1);
		if (!target) throw new ValidationError({ form: 'concept_error_no_active_state' });
		const allocations = await tx
			.select()
			.from(priorityAllocations)
			.where(eq(priorityAllocations.roundId, round.id));
		const ranking = rankMeasures([...inRound], allocations);
		for (const id of measureIds) {
			const rank = ranking.find((r) => r.measureId === id)!;
			const [m] = await tx
				.update(conceptMeasures)
				.set({
					stateId: target.id,
					progressOverride: null,
					priorityRank: rank.rank,
					updatedAt: new Date()
				})
				.where(and(eq(conceptMeasures.tenantId, tenantId), inArray(conceptMeasures.id, [id])))
				.returning();
			await tx.insert(measureHistory).values({
				tenantId,
				measureId: id,
				stateName: target.name,
				progress: target.progress,
				note: `${round.title}: ${rank.points} P. (${rank.rank}.)`,
				changedBy: ctx.actor?.userId ?? null
			});
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'concept.measure_adopt',
				entityType: 'concept_measure',
				entityId: id,
				after: {
					name: m.title,
					state: target.name,
					rank: rank.rank,
					points: rank.points,
					round: round.title
				}
			});
		}
		return measureIds.length;
	});
}
