/**
 * Bodies (Gremien): create, change, archive and restore. Coordinators only (body.manage); for
 * anyone else, and across tenants, a body reads as missing.
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies, type Body } from './schema';
import { bodyInput, type BodyData } from './validation';
import { isTenantField } from './lookups';
import { lockBodyRow } from './access';
import { fieldErrors, requireUuid } from '../shared';

/** Validates the form and checks that the field of action belongs to the tenant. */
async function parseBody(db: Executor, tenantId: string, raw: unknown): Promise<BodyData> {
	const parsed = bodyInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const { fieldOfActionId } = parsed.data;
		if (fieldOfActionId && !(await isTenantField(db, tenantId, fieldOfActionId)))
			errors.fieldOfActionId = 'bodies_error_field_invalid';
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	return parsed.data;
}

function columns(data: BodyData) {
	const weeks = data.cadenceKind === 'weeks';
	return {
		kind: data.kind,
		name: data.name,
		shortName: data.shortName ?? null,
		description: data.description ?? null,
		fieldOfActionId: data.fieldOfActionId ?? null,
		guidingQuestions: normalizeQuestions(data.guidingQuestions),
		visibility: data.visibility,
		cadenceKind: data.cadenceKind,
		cadenceMinWeeks: weeks ? (data.cadenceMinWeeks ?? null) : null,
		cadenceMaxWeeks: weeks ? (data.cadenceMaxWeeks ?? null) : null,
		preferredWeekday: data.preferredWeekday ?? null,
		preferredTime: data.preferredTime ?? null,
		durationMinutes: data.durationMinutes,
		defaultLocation: data.defaultLocation ?? null,
		rotateHost: data.rotateHost,
		reminderDays: data.reminderDays ?? null
	};
}

/** One question per line, without empty lines and surrounding blanks. */
export function normalizeQuestions(text: string | undefined | null): string | null {
	const lines = splitQuestions(text);
	return lines.length > 0 ? lines.join('\n') : null;
}

export function splitQuestions(text: string | undefined | null): string[] {
	return (text ?? '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
}

/** What the audit log keeps of a body. */
export function bodyAuditView(row: Body) {
	const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = row;
	return rest;
}

/** A coordinator creates a body. */
export async function createBody(ctx: TenantCtx, raw: unknown): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	const data = await parseBody(ctx.db, tenantId, raw);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(bodies)
			.values({ tenantId, ...columns(data) })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.create',
			entityType: 'body',
			entityId: row.id,
			after: bodyAuditView(row)
		});
		return { id: row.id };
	});
}

/** A coordinator changes a body and its meeting series. */
export async function updateBody(
	ctx: TenantCtx,
	input: { bodyId: string } & Record<string, unknown>
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	const bodyId = requireUuid(input.bodyId);
	const data = await parseBody(ctx.db, tenantId, input);
	await ctx.db.transaction(async (tx) => {
		const before = await lockBodyRow(tx, tenantId, bodyId);
		const [after] = await tx
			.update(bodies)
			.set({ ...columns(data), updatedAt: new Date() })
			.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.update',
			entityType: 'body',
			entityId: bodyId,
			before: bodyAuditView(before),
			after: bodyAuditView(after)
		});
	});
}

/**
 * Archives a body (it no longer meets; members, meetings and minutes stay readable) or, with
 * `archived = false`, brings it back.
 */
export async function setBodyArchived(
	ctx: TenantCtx,
	input: { bodyId: string; archived: boolean }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	const bodyId = requireUuid(input.bodyId);
	const archived = input.archived;
	await ctx.db.transaction(async (tx) => {
		const before = await lockBodyRow(tx, tenantId, bodyId);
		if (!!before.archivedAt === archived) return;
		const archivedAt = archived ? new Date() : null;
		await tx
			.update(bodies)
			.set({ archivedAt, updatedAt: new Date() })
			.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: archived ? 'body.archive' : 'body.unarchive',
			entityType: 'body',
			entityId: bodyId,
			before: { name: before.name, archivedAt: before.archivedAt },
			after: { name: before.name, archivedAt }
		});
	});
}
