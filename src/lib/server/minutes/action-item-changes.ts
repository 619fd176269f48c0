/**
 * Changing action items (Aufgaben) of the minutes:
 *
 * - created from an agenda item while the minutes can still change (managers of the body);
 * - edited and deleted by the body's managers (deleting only while the minutes of its meeting
 *   can change — afterwards it is part of the record: cancel it instead);
 * - state changed by the body's managers, the assigned person, and — for items assigned only to
 *   an organisation — the people who edit or represent that organisation (./action-item-access.ts).
 *
 * Every use case checks the item against the body or meeting the URL names before it writes.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { canManageMeetings } from '../bodies/access';
import { agendaItems } from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import type { Executor } from '../db/client';
import { ACTION_ITEM_STATES, actionItems, type ActionItem } from './schema';
import { isEditable, lockEditableMeeting, lockMeeting, loadMinutesToManage } from './access';
import { auditView, insertActionItem, parseActionItem } from './action-item-input';
import { findItemWithBody, mayChangeState, type ActionItemRef } from './action-item-access';
import { requireUuid } from '../shared';
import { notifyActionItemAssigned } from './notify';

/** A manager records an action item for an agenda item of the minutes. */
export async function createActionItem(
	ctx: TenantCtx,
	input: { meetingId: string; agendaItemId: unknown } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { body } = await loadMinutesToManage(ctx, tenantId, input.meetingId);
	const agendaItemId = requireUuid(input.agendaItemId);
	const { data, errors } = await parseActionItem(ctx.db, tenantId, input);
	if (!data) throw new ValidationError(errors);
	return ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, input.meetingId);
		const [item] = await tx
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.tenantId, tenantId),
					eq(agendaItems.meetingId, meeting.id),
					eq(agendaItems.id, agendaItemId)
				)
			);
		if (!item) throw new NotFoundError();
		const row = await insertActionItem(
			tx,
			ctx,
			{ tenantId, bodyId: body.id, meetingId: meeting.id, agendaItemId: item.id },
			data
		);
		return { id: row.id };
	});
}

/** The item row locked for a change. */
async function lockItem(tx: Executor, tenantId: string, id: string): Promise<ActionItem> {
	const [row] = await tx
		.select()
		.from(actionItems)
		.where(and(eq(actionItems.tenantId, tenantId), eq(actionItems.id, id)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

const stateSchema = z.enum(ACTION_ITEM_STATES, { error: 'minutes_error_action_state_invalid' });

/** The state of an item: open, in progress, done or cancelled. */
export async function setActionItemState(
	ctx: TenantCtx,
	input: ActionItemRef & { state?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const found = await findItemWithBody(ctx.db, tenantId, input);
	if (!(await mayChangeState(ctx.db, ctx.actor, found.item, found.body))) throw new NotFoundError();
	const parsed = stateSchema.safeParse(input.state);
	if (!parsed.success) throw new ValidationError({ state: 'minutes_error_action_state_invalid' });
	const next = parsed.data;
	await ctx.db.transaction(async (tx) => {
		const before = await lockItem(tx, tenantId, found.item.id);
		if (before.state === next) return;
		const done = next === 'done' || next === 'cancelled';
		await tx
			.update(actionItems)
			.set({ state: next, completedAt: done ? new Date() : null, updatedAt: new Date() })
			.where(eq(actionItems.id, before.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'action_item.state_change',
			entityType: 'action_item',
			entityId: before.id,
			before: { name: before.title, state: before.state },
			after: { name: before.title, state: next }
		});
	});
}

/** A manager of the body changes what, who or by when. A new due date arms the reminder again. */
export async function updateActionItem(
	ctx: TenantCtx,
	input: ActionItemRef & Record<string, unknown>
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const found = await findItemWithBody(ctx.db, tenantId, input);
	if (!canManageMeetings(ctx.actor, found.body)) throw new NotFoundError();
	const { data, errors } = await parseActionItem(ctx.db, tenantId, input);
	if (!data) throw new ValidationError(errors);
	await ctx.db.transaction(async (tx) => {
		const before = await lockItem(tx, tenantId, found.item.id);
		const dueDate = data.dueDate ?? null;
		const [after] = await tx
			.update(actionItems)
			.set({
				title: data.title,
				description: data.description ?? null,
				assigneeUserId: data.assigneeUserId ?? null,
				assigneeOrganizationId: data.assigneeOrganizationId ?? null,
				dueDate,
				remindedAt: dueDate === before.dueDate ? before.remindedAt : null,
				updatedAt: new Date()
			})
			.where(eq(actionItems.id, before.id))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'action_item.update',
			entityType: 'action_item',
			entityId: before.id,
			before: auditView(before),
			after: auditView(after)
		});
		if (after.assigneeUserId !== before.assigneeUserId)
			await notifyActionItemAssigned(tx, ctx, after);
	});
}

/** A manager removes an action item while the minutes of its meeting can still change. */
export async function deleteActionItem(ctx: TenantCtx, input: ActionItemRef): Promise<void> {
	const tenantId = ctx.tenant.id;
	const found = await findItemWithBody(ctx.db, tenantId, input);
	if (!canManageMeetings(ctx.actor, found.body)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		if (found.item.meetingId) {
			const meeting = await lockMeeting(tx, tenantId, found.item.meetingId);
			if (!isEditable(meeting)) throw new ValidationError({ form: 'minutes_error_action_locked' });
		}
		const [row] = await tx
			.delete(actionItems)
			.where(and(eq(actionItems.tenantId, tenantId), eq(actionItems.id, found.item.id)))
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'action_item.delete',
			entityType: 'action_item',
			entityId: row.id,
			before: auditView(row)
		});
	});
}
