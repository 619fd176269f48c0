/**
 * Changes to the agenda of a meeting: items (TOPs) added, changed, removed and moved, kept in
 * order 1..n without gaps. Only those who may manage the meeting; not for cancelled meetings,
 * nor once the minutes are approved. The items are checked against the meeting in the URL.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { isTenantPerson } from '../bodies/lookups';
import { agendaItems, files, meetings } from './schema';
import { loadMeetingToManage, lockMeeting } from './access';
import { consultations } from '../papers/schema';
import { recordOParlDeletion } from '../oparl/deletion';
import { fieldErrors, isChecked, isUuid, nextPosition } from '../shared';

export const blank = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v;
const checkbox = z.preprocess(isChecked, z.boolean());

export const agendaItemInput = z.object({
	title: z
		.string({ error: 'meetings_error_item_title_required' })
		.trim()
		.min(1, { error: 'meetings_error_item_title_required' })
		.max(200, { error: 'meetings_error_item_title_too_long' }),
	description: z.preprocess(
		blank,
		z.string().trim().max(5000, { error: 'meetings_error_item_description_too_long' }).optional()
	),
	responsibleUserId: z.preprocess(
		blank,
		z.uuid({ error: 'meetings_error_responsible_invalid' }).optional()
	),
	plannedMinutes: z.preprocess(
		blank,
		z.coerce
			.number({ error: 'meetings_error_minutes_invalid' })
			.int({ error: 'meetings_error_minutes_invalid' })
			.min(1, { error: 'meetings_error_minutes_invalid' })
			.max(600, { error: 'meetings_error_minutes_invalid' })
			.optional()
	),
	isPublic: checkbox
});
export type AgendaItemInput = Record<string, unknown>;

/**
 * The meeting, locked for the change, when the actor may manage it and its agenda may change:
 * not for cancelled meetings, nor once the minutes are approved.
 */
export async function lockAgenda(tx: Executor, tenantId: string, meetingId: string) {
	const row = await lockMeeting(tx, tenantId, meetingId);
	if (row.state === 'cancelled') throw new ValidationError({ form: 'meetings_error_cancelled' });
	if (row.minutesState === 'approved' || row.minutesState === 'published')
		throw new ValidationError({ form: 'meetings_error_agenda_locked' });
	return row;
}

async function orderedItems(tx: Executor, tenantId: string, meetingId: string) {
	return tx
		.select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title })
		.from(agendaItems)
		.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
}

/** Writes positions 1..n in the given order (only rows whose position differs). */
async function writePositions(tx: Executor, ordered: { id: string; position: number }[]) {
	for (const [index, item] of ordered.entries()) {
		if (item.position === index + 1) continue;
		// a new TOP number is a change of the item (OParl `modified`)
		await tx
			.update(agendaItems)
			.set({ position: index + 1, updatedAt: new Date() })
			.where(eq(agendaItems.id, item.id));
	}
}

async function parseItem(db: Executor, tenantId: string, raw: unknown) {
	const parsed = agendaItemInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (
		parsed.success &&
		parsed.data.responsibleUserId &&
		!(await isTenantPerson(db, tenantId, parsed.data.responsibleUserId))
	)
		errors.responsibleUserId = 'meetings_error_responsible_invalid';
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	const d = parsed.data;
	return {
		title: d.title,
		description: d.description ?? null,
		responsibleUserId: d.responsibleUserId ?? null,
		plannedMinutes: d.plannedMinutes ?? null,
		isPublic: d.isPublic
	};
}

/** The item of the meeting; NotFoundError for an item of another meeting (or tenant). */
export async function findItem(tx: Executor, tenantId: string, meetingId: string, itemId: unknown) {
	if (!isUuid(itemId)) throw new NotFoundError();
	const [item] = await tx
		.select()
		.from(agendaItems)
		.where(
			and(
				eq(agendaItems.tenantId, tenantId),
				eq(agendaItems.meetingId, meetingId),
				eq(agendaItems.id, itemId)
			)
		);
	if (!item) throw new NotFoundError();
	return item;
}

function itemAudit(item: typeof agendaItems.$inferSelect) {
	return {
		name: item.title,
		meetingId: item.meetingId,
		position: item.position,
		description: item.description,
		responsibleUserId: item.responsibleUserId,
		plannedMinutes: item.plannedMinutes,
		isPublic: item.isPublic
	};
}

/**
 * Before an item is deleted: tombstones for the OParl interface (the item and the files the
 * delete cascades away), and the meeting and the item's consultations (which lose their item)
 * count as changed, so that clients syncing with `modified_since` see it.
 */
async function recordAgendaItemDeletion(
	tx: Executor,
	tenantId: string,
	meetingId: string,
	itemId: string
) {
	const now = new Date();
	const itemFiles = await tx
		.select({ id: files.id })
		.from(files)
		.where(and(eq(files.tenantId, tenantId), eq(files.agendaItemId, itemId)));
	await recordOParlDeletion(tx, tenantId, 'AgendaItem', itemId);
	for (const f of itemFiles) await recordOParlDeletion(tx, tenantId, 'File', f.id);
	await tx
		.update(consultations)
		.set({ updatedAt: now })
		.where(and(eq(consultations.tenantId, tenantId), eq(consultations.agendaItemId, itemId)));
	await tx
		.update(meetings)
		.set({ updatedAt: now })
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
}

/** Adds an item at the end of the agenda. */
export async function addAgendaItem(
	ctx: TenantCtx,
	input: AgendaItemInput & { meetingId: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	const values = await parseItem(ctx.db, tenantId, input);
	return ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const items = await orderedItems(tx, tenantId, meeting.id);
		await writePositions(tx, items);
		const [row] = await tx
			.insert(agendaItems)
			.values({ tenantId, meetingId: meeting.id, position: items.length + 1, ...values })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.create',
			entityType: 'agenda_item',
			entityId: row.id,
			after: itemAudit(row)
		});
		return { id: row.id };
	});
}

/** Changes an item of the meeting (input.itemId). */
export async function updateAgendaItem(
	ctx: TenantCtx,
	input: AgendaItemInput & { meetingId: string; itemId?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	const values = await parseItem(ctx.db, tenantId, input);
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const before = await findItem(tx, tenantId, meeting.id, input.itemId);
		const [after] = await tx
			.update(agendaItems)
			.set({ ...values, updatedAt: new Date() })
			.where(eq(agendaItems.id, before.id))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.update',
			entityType: 'agenda_item',
			entityId: before.id,
			before: itemAudit(before),
			after: itemAudit(after)
		});
	});
}

/** Removes an item (its speakers and attachments with it); the items after it move up. */
export async function deleteAgendaItem(
	ctx: TenantCtx,
	input: { meetingId: string; itemId?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const before = await findItem(tx, tenantId, meeting.id, input.itemId);
		await recordAgendaItemDeletion(tx, tenantId, meeting.id, before.id);
		await tx.delete(agendaItems).where(eq(agendaItems.id, before.id));
		await writePositions(tx, await orderedItems(tx, tenantId, meeting.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.delete',
			entityType: 'agenda_item',
			entityId: before.id,
			before: itemAudit(before)
		});
	});
}

/** Moves an item one place up or down; the first cannot move up, the last not down. */
export async function moveAgendaItem(
	ctx: TenantCtx,
	input: { meetingId: string; itemId?: unknown; direction?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	const direction = input.direction;
	if (direction !== 'up' && direction !== 'down') throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const item = await findItem(tx, tenantId, meeting.id, input.itemId);
		const items = await orderedItems(tx, tenantId, meeting.id);
		const from = items.findIndex((i) => i.id === item.id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= items.length) return;
		const reordered = [...items];
		[reordered[from], reordered[to]] = [reordered[to], reordered[from]];
		await writePositions(tx, reordered);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.move',
			entityType: 'agenda_item',
			entityId: item.id,
			before: { name: item.title, position: from + 1 },
			after: { name: item.title, position: to + 1 }
		});
	});
}

/**
 * Appends an item to a meeting's agenda in the caller's transaction (a paper put on the agenda by
 * the papers domain): the meeting row is locked so agenda changes queue up, and counts as changed.
 */
export async function appendAgendaItemInTx(
	tx: Executor,
	tenantId: string,
	meetingId: string,
	item: { title: string; description: string | null; isPublic: boolean }
) {
	// the meeting row is locked so that concurrent additions get distinct positions
	await lockMeeting(tx, tenantId, meetingId);
	const position = await nextPosition(
		tx,
		agendaItems.position,
		eq(agendaItems.meetingId, meetingId)
	);
	const [row] = await tx
		.insert(agendaItems)
		.values({ tenantId, meetingId, position, ...item })
		.returning();
	await tx.update(meetings).set({ updatedAt: new Date() }).where(eq(meetings.id, meetingId));
	return row;
}

/** Writes an agenda item's decision in the caller's transaction (a consultation's result). */
export async function setAgendaItemDecisionInTx(
	tx: Executor,
	tenantId: string,
	itemId: string,
	decision: string
) {
	await tx
		.update(agendaItems)
		.set({ decision, updatedAt: new Date() })
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.tenantId, tenantId)));
}
