/** Indicators of the tenant: creating and editing them, recording values by hand. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { requireUuid } from '../shared';
import { conceptGoals } from './schema';
import { indicatorGoals, indicators, indicatorValues } from './indicator-schema';
import {
	indicatorInput,
	parseOrThrow,
	valueInput,
	type IndicatorData,
	type Input
} from './validation';
import { indicatorFor } from './indicators';

async function checkGoals(db: Executor, tenantId: string, goalIds: string[]) {
	if (!goalIds.length) return;
	const rows = await db
		.select({ id: conceptGoals.id })
		.from(conceptGoals)
		.where(and(eq(conceptGoals.tenantId, tenantId), inArray(conceptGoals.id, goalIds)));
	if (rows.length !== new Set(goalIds).size)
		throw new ValidationError({ goalIds: 'concept_error_goal_required' });
}

const indicatorColumns = (d: IndicatorData) => ({
	name: d.name,
	definition: d.definition ?? null,
	numerator: d.numerator ?? null,
	denominator: d.denominator ?? null,
	unit: d.unit,
	source: d.source ?? null,
	direction: d.direction,
	level: d.level,
	baselineValue: d.baselineValue ?? null,
	baselineDate: d.baselineDate ?? null,
	targetValue: d.targetValue ?? null,
	targetDate: d.targetDate ?? null,
	isPublic: d.isPublic
});

export async function createIndicator(ctx: TenantCtx, input: Input): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(indicatorInput, input);
	return ctx.db.transaction(async (tx) => {
		await checkGoals(tx, tenantId, data.goalIds);
		const [row] = await tx
			.insert(indicators)
			.values({ tenantId, ...indicatorColumns(data) })
			.returning();
		if (data.goalIds.length)
			await tx
				.insert(indicatorGoals)
				.values(
					[...new Set(data.goalIds)].map((goalId) => ({ tenantId, indicatorId: row.id, goalId }))
				);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.indicator_create',
			entityType: 'concept_indicator',
			entityId: row.id,
			after: { ...indicatorColumns(data), goalIds: data.goalIds }
		});
		return { id: row.id };
	});
}

export async function updateIndicator(ctx: TenantCtx, input: Input & { indicatorId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const id = requireUuid(input.indicatorId);
	const data = parseOrThrow(indicatorInput, input);
	await ctx.db.transaction(async (tx) => {
		const before = await indicatorFor(tx, tenantId, id);
		await checkGoals(tx, tenantId, data.goalIds);
		await tx
			.update(indicators)
			.set({ ...indicatorColumns(data), updatedAt: new Date() })
			.where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
		await tx.delete(indicatorGoals).where(eq(indicatorGoals.indicatorId, id));
		if (data.goalIds.length)
			await tx
				.insert(indicatorGoals)
				.values(
					[...new Set(data.goalIds)].map((goalId) => ({ tenantId, indicatorId: id, goalId }))
				);
		const { tenantId: _t, createdAt: _c, updatedAt: _u, ...b } = before;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.indicator_update',
			entityType: 'concept_indicator',
			entityId: id,
			before: b,
			after: { ...indicatorColumns(data), goalIds: data.goalIds }
		});
	});
}

/** Manual entry of one value; a value for the same date, area and breakdown is replaced. */
export async function recordIndicatorValue(ctx: TenantCtx, input: Input & { indicatorId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const indicatorId = requireUuid(input.indicatorId);
	const data = parseOrThrow(valueInput, input);
	await ctx.db.transaction(async (tx) => {
		const indicator = await indicatorFor(tx, tenantId, indicatorId);
		if (data.municipalityId) {
			const [m] = await tx
				.select({ id: tenants.id })
				.from(tenants)
				.where(and(eq(tenants.parentId, tenantId), eq(tenants.id, data.municipalityId)));
			if (!m) throw new ValidationError({ municipalityId: 'concept_error_municipality_invalid' });
		}
		const row = {
			tenantId,
			indicatorId: indicator.id,
			municipalityId: data.municipalityId ?? null,
			date: data.date,
			value: data.value,
			sourceNote: data.sourceNote ?? null,
			breakdownDimension: data.breakdownDimension ?? null,
			breakdownCategory: data.breakdownCategory ?? null,
			createdBy: actor.userId
		};
		await replaceValues(tx, [row]);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.value_record',
			entityType: 'concept_indicator',
			entityId: indicator.id,
			after: { name: indicator.name, ...row, tenantId: undefined, createdBy: undefined }
		});
	});
}

type ValueRow = typeof indicatorValues.$inferInsert;

/** Inserts values, replacing those with the same key (indicator, area, date, breakdown). */
export async function replaceValues(tx: Executor, rows: ValueRow[]) {
	for (const r of rows) {
		await tx
			.delete(indicatorValues)
			.where(
				and(
					eq(indicatorValues.indicatorId, r.indicatorId),
					eq(indicatorValues.date, r.date),
					r.municipalityId
						? eq(indicatorValues.municipalityId, r.municipalityId)
						: isNull(indicatorValues.municipalityId),
					r.breakdownDimension
						? and(
								eq(indicatorValues.breakdownDimension, r.breakdownDimension),
								eq(indicatorValues.breakdownCategory, r.breakdownCategory!)
							)
						: isNull(indicatorValues.breakdownDimension)
				)
			);
	}
	if (rows.length) await tx.insert(indicatorValues).values(rows);
}
