import { and, eq } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { needs } from './schema';
import { needInput, type NeedData } from './validation';
import { isOwnField, isOwnMunicipality } from './views';
import { fieldErrors, requireUuid } from '../shared';

/** Validates the input and checks that the field and municipality belong to the tenant. */
async function parseNeed(db: Executor, tenantId: string, raw: unknown): Promise<NeedData> {
	const parsed = needInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const data = parsed.data;
		if (data.fieldOfActionId && !(await isOwnField(db, tenantId, data.fieldOfActionId)))
			errors.fieldOfActionId = 'needs_error_field_invalid';
		if (data.municipalityId && !(await isOwnMunicipality(db, tenantId, data.municipalityId)))
			errors.municipalityId = 'needs_error_municipality_invalid';
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	return parsed.data;
}

function columns(data: NeedData) {
	return {
		title: data.title,
		description: data.description ?? null,
		fieldOfActionId: data.fieldOfActionId ?? null,
		targetGroup: data.targetGroup ?? null,
		language: data.language ?? null,
		municipalityId: data.municipalityId ?? null,
		sourceKind: data.sourceKind,
		sourceNote: data.sourceNote ?? null,
		urgency: data.urgency,
		status: data.status
	};
}

/** The tenant's need, locked for a change; NotFoundError otherwise. */
async function lockNeed(tx: Executor, tenantId: string, id: string) {
	const [row] = await tx
		.select()
		.from(needs)
		.where(and(eq(needs.tenantId, tenantId), eq(needs.id, id)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

/** What the audit log keeps of a need. */
function auditView(row: typeof needs.$inferSelect) {
	const { tenantId: _t, createdBy: _c, createdAt: _ca, updatedAt: _u, ...rest } = row;
	return { name: row.title, ...rest };
}

/** A coordinator (or the steering group) records a need. */
export async function createNeed(ctx: TenantCtx, raw: unknown): Promise<{ id: string }> {
	authorize(ctx.actor, 'needs.manage', { tenantId: ctx.tenant.id });
	return ctx.db.transaction((tx) => recordNeed(tx, ctx, ctx.tenant.id, raw));
}

/**
 * Records a need inside the caller's transaction (for other domains' use cases, which have
 * authorised `needs.manage`): validates, inserts, audits.
 */
export async function recordNeed(
	tx: Executor,
	ctx: Ctx,
	tenantId: string,
	raw: unknown
): Promise<{ id: string }> {
	const data = await parseNeed(tx, tenantId, raw);
	const [row] = await tx
		.insert(needs)
		.values({ tenantId, ...columns(data), createdBy: ctx.actor?.userId ?? null })
		.returning();
	await recordAudit(tx, ctx, {
		tenantId,
		action: 'need.create',
		entityType: 'need',
		entityId: row.id,
		after: auditView(row)
	});
	return { id: row.id };
}

/** Changes a need, its status included. */
export async function updateNeed(
	ctx: TenantCtx,
	raw: { needId: string } & Record<string, unknown>
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const id = requireUuid(raw.needId);
	const data = await parseNeed(ctx.db, tenantId, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await lockNeed(tx, tenantId, id);
		const [after] = await tx
			.update(needs)
			.set({ ...columns(data), updatedAt: new Date() })
			.where(and(eq(needs.tenantId, tenantId), eq(needs.id, id)))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'need.update',
			entityType: 'need',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}

/**
 * Sets a need's status: "covered" when an offer now meets it, "closed" when it is no longer
 * pursued, "open" to reopen it.
 */
export async function setNeedStatus(
	ctx: TenantCtx,
	input: { needId: string; status: unknown }
): Promise<{ title: string; status: NeedData['status'] }> {
	const tenantId = ctx.tenant.id;
	const { status } = input;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const id = requireUuid(input.needId);
	const parsed = needInput.shape.status.safeParse(status);
	if (!parsed.success || status === '' || status == null)
		throw new ValidationError({ status: 'needs_error_status_invalid' });
	return ctx.db.transaction(async (tx) => {
		const before = await lockNeed(tx, tenantId, id);
		if (before.status === parsed.data) return { title: before.title, status: parsed.data };
		await tx
			.update(needs)
			.set({ status: parsed.data, updatedAt: new Date() })
			.where(and(eq(needs.tenantId, tenantId), eq(needs.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'need.status_change',
			entityType: 'need',
			entityId: id,
			before: { name: before.title, status: before.status },
			after: { name: before.title, status: parsed.data }
		});
		return { title: before.title, status: parsed.data };
	});
}
