/** The states of measures (vorgeschlagen, geplant, …): the coordinator names them and their progress. */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { nextPosition, requireUuid } from '../shared';
import { measureStates, type MeasureState } from './schema';
import { ensureDefaultStates } from './editions';
import { parseOrThrow, stateInput, type Input } from './validation';

export async function statesOf(db: Executor, tenantId: string): Promise<MeasureState[]> {
	return db
		.select()
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenantId))
		.orderBy(asc(measureStates.position), asc(measureStates.name));
}

/** The states for the coordinator's states page. */
export async function listStates(ctx: TenantCtx): Promise<MeasureState[]> {
	authorize(ctx.actor, 'concept.manage', { tenantId: ctx.tenant.id });
	return statesOf(ctx.db, ctx.tenant.id);
}

/** The coordinator renames a state or changes its category or preset progress. */
export async function updateState(ctx: TenantCtx, input: Input & { stateId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const id = requireUuid(input.stateId);
	const data = parseOrThrow(stateInput, input);
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(measureStates)
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, id)));
		if (!before) throw new NotFoundError();
		await tx
			.update(measureStates)
			.set({ name: data.name, category: data.category, progress: data.progress ?? null })
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.state_update',
			entityType: 'concept_state',
			entityId: id,
			before: { name: before.name, category: before.category, progress: before.progress },
			after: { name: data.name, category: data.category, progress: data.progress ?? null }
		});
	});
}

/** A new state (after the default states, which a tenant without states gets first). */
export async function createState(ctx: TenantCtx, input: Input) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(stateInput, input);
	return ctx.db.transaction(async (tx) => {
		await ensureDefaultStates(tx, tenantId);
		const position = await nextPosition(
			tx,
			measureStates.position,
			eq(measureStates.tenantId, tenantId)
		);
		const [row] = await tx
			.insert(measureStates)
			.values({
				tenantId,
				key: `s-${crypto.randomUUID().slice(0, 8)}`,
				name: data.name,
				category: data.category,
				progress: data.progress ?? null,
				position
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.state_create',
			entityType: 'concept_state',
			entityId: row.id,
			after: { name: row.name, category: row.category, progress: row.progress }
		});
		return { id: row.id };
	});
}
