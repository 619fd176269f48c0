/** Measures (Maßnahmen): creating and editing them, their state and progress with history. */
import { and, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { organizations, organizationTenants } from '../organizations/schema';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { isUuid, requireUuid } from '../shared';
import {
	conceptGoals,
	conceptMeasures,
	measureHistory,
	measureStates,
	type ConceptMeasure
} from './schema';
import { editableEdition } from './editions';
import {
	measureInput,
	parseOrThrow,
	stateChangeInput,
	type Input,
	type MeasureData
} from './validation';
import { measureProgress } from './calc';

async function checkRefs(
	db: Executor,
	tenantId: string,
	editionId: string | null,
	data: MeasureData
) {
	const errors: Record<string, string> = {};
	const [goal] = await db
		.select()
		.from(conceptGoals)
		.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.id, data.goalId)));
	if (!goal || (editionId && goal.editionId !== editionId))
		errors.goalId = 'concept_error_goal_required';
	const [state] = await db
		.select()
		.from(measureStates)
		.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, data.stateId)));
	if (!state) errors.stateId = 'concept_error_state_required';
	if (data.bodyId) {
		const [b] = await db
			.select({ id: bodies.id })
			.from(bodies)
			.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, data.bodyId)));
		if (!b) errors.bodyId = 'concept_error_body_invalid';
	}
	if (data.responsibleOrganizationIds.length) {
		const ok = new Set(
			(
				await db
					.selectDistinct({
						id: organizations.id,
						tenantId: organizations.tenantId,
						also: organizationTenants.tenantId
					})
					.from(organizations)
					.leftJoin(organizationTenants, eq(organizationTenants.organizationId, organizations.id))
					.where(inArray(organizations.id, data.responsibleOrganizationIds))
			)
				.filter((r) => r.tenantId === tenantId || r.also === tenantId)
				.map((r) => r.id)
		);
		if (data.responsibleOrganizationIds.some((id) => !ok.has(id)))
			errors.responsibleOrganizationIds = 'concept_error_organization_invalid';
	}
	if (data.municipalityIds.length) {
		const rows = await db
			.select({ id: tenants.id })
			.from(tenants)
			.where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, data.municipalityIds)));
		if (rows.length !== new Set(data.municipalityIds).size)
			errors.municipalityIds = 'concept_error_municipality_invalid';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	return { goal: goal!, state: state! };
}

const columns = (d: MeasureData) => ({
	goalId: d.goalId,
	title: d.title,
	description: d.description ?? null,
	responsibleOrganizationIds: [...new Set(d.responsibleOrganizationIds)],
	bodyId: d.bodyId ?? null,
	partners: d.partners ?? null,
	targetGroups: [...new Set(d.targetGroups)],
	municipalityIds: [...new Set(d.municipalityIds)],
	startDate: d.startDate ?? null,
	endDate: d.endDate ?? null,
	costEuro: d.costEuro ?? null,
	funding: d.funding ?? null,
	stateId: d.stateId,
	progressOverride: d.progressOverride ?? null,
	isPublic: d.isPublic
});

function auditView(m: ConceptMeasure) {
	const { tenantId: _t, createdBy: _c, createdAt: _ca, updatedAt: _u, ...rest } = m;
	return { name: m.title, ...rest };
}

export async function createMeasure(
	ctx: TenantCtx,
	input: Input & { editionId: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const editionId = requireUuid(input.editionId);
	const data = parseOrThrow(measureInput, input);
	return ctx.db.transaction(async (tx) => {
		await editableEdition(tx, tenantId, editionId);
		const { state } = await checkRefs(tx, tenantId, editionId, data);
		const [row] = await tx
			.insert(conceptMeasures)
			.values({ tenantId, editionId, ...columns(data), createdBy: actor.userId })
			.returning();
		await tx.insert(measureHistory).values({
			tenantId,
			measureId: row.id,
			stateName: state.name,
			progress: measureProgress({
				category: state.category,
				stateProgress: state.progress,
				progressOverride: row.progressOverride
			}),
			changedBy: actor.userId
		});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.measure_create',
			entityType: 'concept_measure',
			entityId: row.id,
			after: auditView(row)
		});
		return { id: row.id };
	});
}

/** A measure of the tenant (locked for update on request); NotFoundError otherwise. */
export async function measureFor(tx: Executor, tenantId: string, id: unknown, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = tx
		.select()
		.from(conceptMeasures)
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

async function historyIfChanged(
	tx: Executor,
	ctx: TenantCtx,
	before: ConceptMeasure,
	after: ConceptMeasure,
	note: string | null
) {
	if (
		before.stateId === after.stateId &&
		before.progressOverride === after.progressOverride &&
		!note
	)
		return;
	const [state] = await tx.select().from(measureStates).where(eq(measureStates.id, after.stateId));
	await tx.insert(measureHistory).values({
		tenantId: after.tenantId,
		measureId: after.id,
		stateName: state.name,
		progress: measureProgress({
			category: state.category,
			stateProgress: state.progress,
			progressOverride: after.progressOverride
		}),
		note,
		changedBy: ctx.actor?.userId ?? null
	});
}

export async function updateMeasure(ctx: TenantCtx, input: Input & { measureId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const id = requireUuid(input.measureId);
	const data = parseOrThrow(measureInput, input);
	await ctx.db.transaction(async (tx) => {
		const before = await measureFor(tx, tenantId, id, true);
		await editableEdition(tx, tenantId, before.editionId);
		await checkRefs(tx, tenantId, before.editionId, data);
		const [after] = await tx
			.update(conceptMeasures)
			.set({ ...columns(data), updatedAt: new Date() })
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, id)))
			.returning();
		await historyIfChanged(tx, ctx, before, after, null);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.measure_update',
			entityType: 'concept_measure',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}

/** Sets state and progress (within the state) with an optional note; kept in the history. */
export async function changeMeasureState(ctx: TenantCtx, input: Input & { measureId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const id = requireUuid(input.measureId);
	const data = parseOrThrow(stateChangeInput, input);
	await ctx.db.transaction(async (tx) => {
		const before = await measureFor(tx, tenantId, id, true);
		await editableEdition(tx, tenantId, before.editionId);
		const [state] = await tx
			.select()
			.from(measureStates)
			.where(and(eq(measureStates.tenantId, tenantId), eq(measureStates.id, data.stateId)));
		if (!state) throw new ValidationError({ stateId: 'concept_error_state_required' });
		const [after] = await tx
			.update(conceptMeasures)
			.set({
				stateId: state.id,
				progressOverride: data.progressOverride ?? null,
				updatedAt: new Date()
			})
			.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, id)))
			.returning();
		await historyIfChanged(tx, ctx, before, after, data.note ?? null);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.measure_state',
			entityType: 'concept_measure',
			entityId: id,
			before: {
				name: before.title,
				stateId: before.stateId,
				progressOverride: before.progressOverride
			},
			after: {
				name: after.title,
				state: state.name,
				progressOverride: after.progressOverride,
				note: data.note ?? null
			}
		});
	});
}
