/**
 * The agenda of a meeting: items (TOPs) with their guest speakers (Referent:innen) and
 * attachments, kept in order 1..n without gaps. The body's open action items come onto every
 * agenda of a meeting that has not taken place as a last, computed item "Offene Aufgaben aus
 * früheren Sitzungen" (never stored). fullAgenda() is the one view of it that the meeting page,
 * the invitation mails and the minutes reuse.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { isTenantPerson } from '../bodies/lookups';
import {
	actionItems,
	agendaItems,
	agendaItemSpeakers,
	files,
	meetings,
	type Meeting
} from './schema';
import { loadMeetingToManage } from './access';
import { consultations } from '../papers/schema';
import { recordOParlDeletion } from '../oparl/deletion';
import { fieldErrors } from '../shared';

// ---------------------------------------------------------------------------------------------
// Views

export interface AgendaFileView {
	id: string;
	fileName: string;
	mediaType: string;
	size: number;
	isPublic: boolean;
	createdAt: Date;
}

export interface AgendaSpeakerView {
	id: string;
	name: string;
	affiliation: string | null;
	/** only for mailing the speaker: never show it publicly */
	email: string | null;
}

export interface AgendaItemView {
	id: string;
	/** TOP number: "1", "2" … */
	number: string;
	position: number;
	title: string;
	description: string | null;
	responsible: { id: string; name: string } | null;
	plannedMinutes: number | null;
	isPublic: boolean;
	speakers: AgendaSpeakerView[];
	files: AgendaFileView[];
}

export interface OpenActionItemView {
	id: string;
	title: string;
	assigneeName: string | null;
	assigneeOrganization: string | null;
	/** YYYY-MM-DD */
	dueDate: string | null;
	state: 'open' | 'in_progress';
	/** the meeting whose minutes created it */
	meetingId: string | null;
}

export interface FullAgenda {
	meeting: Meeting;
	items: AgendaItemView[];
	/** attachments of the meeting as a whole (not of one item) */
	meetingFiles: AgendaFileView[];
	/** the computed last item; null when the meeting took place or nothing is open */
	openActions: { number: string; title: string; items: OpenActionItemView[] } | null;
}

export const OPEN_ACTIONS_TITLE = {
	de: 'Offene Aufgaben aus früheren Sitzungen',
	en: 'Open tasks from earlier meetings'
} as const;

/**
 * The body's action items that are open or in progress and were created before the meeting
 * starts, oldest due date first (no due date last).
 */
export async function openActionItemsForAgenda(
	db: Executor,
	tenantId: string,
	bodyId: string,
	meeting: Pick<Meeting, 'startsAt'>
): Promise<OpenActionItemView[]> {
	const rows = await db
		.select({
			id: actionItems.id,
			title: actionItems.title,
			assigneeName: users.name,
			assigneeOrganization: organizations.name,
			dueDate: actionItems.dueDate,
			state: actionItems.state,
			meetingId: actionItems.meetingId
		})
		.from(actionItems)
		.leftJoin(users, eq(users.id, actionItems.assigneeUserId))
		.leftJoin(organizations, eq(organizations.id, actionItems.assigneeOrganizationId))
		.where(
			and(
				eq(actionItems.tenantId, tenantId),
				eq(actionItems.bodyId, bodyId),
				inArray(actionItems.state, ['open', 'in_progress']),
				lt(actionItems.createdAt, meeting.startsAt)
			)
		)
		.orderBy(
			sql`${actionItems.dueDate} ASC NULLS LAST`,
			asc(actionItems.createdAt),
			asc(actionItems.id)
		);
	return rows.map((r) => ({ ...r, state: r.state as 'open' | 'in_progress' }));
}

function fileView(f: typeof files.$inferSelect | AgendaFileView): AgendaFileView {
	return {
		id: f.id,
		fileName: f.fileName,
		mediaType: f.mediaType,
		size: f.size,
		isPublic: f.isPublic,
		createdAt: f.createdAt
	};
}

export interface FullAgendaOptions {
	/** only public items and public files, and no speaker e-mail addresses (public site) */
	publicOnly?: boolean;
	/** language of the computed last item's title */
	locale?: 'de' | 'en';
	/** the open action items also for a meeting that took place (as they are now) */
	includeOpenActionsWhenHeld?: boolean;
}

/**
 * The whole agenda of a meeting: numbered items with speakers and attachments, the meeting's
 * own attachments and the computed "open tasks" item. No authorisation here: callers decide
 * who sees what (loadMeeting, canSeeBody). Null when the meeting is not in the tenant.
 */
export async function fullAgenda(
	db: Executor,
	tenantId: string,
	meetingId: string,
	options: FullAgendaOptions = {}
): Promise<FullAgenda | null> {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	if (!meeting) return null;
	const itemRows = await db
		.select({ item: agendaItems, responsibleName: users.name })
		.from(agendaItems)
		.leftJoin(users, eq(users.id, agendaItems.responsibleUserId))
		.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
	const itemIds = itemRows.map((r) => r.item.id);
	const [speakerRows, fileRows] = await Promise.all([
		itemIds.length === 0
			? Promise.resolve([])
			: db
					.select()
					.from(agendaItemSpeakers)
					.where(
						and(
							eq(agendaItemSpeakers.tenantId, tenantId),
							inArray(agendaItemSpeakers.agendaItemId, itemIds)
						)
					)
					.orderBy(asc(agendaItemSpeakers.createdAt), asc(agendaItemSpeakers.id)),
		db
			.select({
				id: files.id,
				fileName: files.fileName,
				mediaType: files.mediaType,
				size: files.size,
				isPublic: files.isPublic,
				createdAt: files.createdAt,
				meetingId: files.meetingId,
				agendaItemId: files.agendaItemId
			})
			.from(files)
			.where(
				and(
					eq(files.tenantId, tenantId),
					itemIds.length === 0
						? eq(files.meetingId, meetingId)
						: sql`(${files.meetingId} = ${meetingId} OR ${inArray(files.agendaItemId, itemIds)})`
				)
			)
			.orderBy(asc(files.createdAt), asc(files.fileName))
	]);
	const visibleFiles = options.publicOnly ? fileRows.filter((f) => f.isPublic) : fileRows;
	// TOP numbers count all items, so that the public version keeps the numbers of the minutes
	// and of the invitation: the non-public items are simply left out (gaps are normal).
	const numbered = itemRows.map((r, index) => ({ ...r, number: String(index + 1) }));
	const visibleItems = options.publicOnly ? numbered.filter((r) => r.item.isPublic) : numbered;
	const items = visibleItems.map(({ item, responsibleName, number }): AgendaItemView => ({
		id: item.id,
		number,
		position: item.position,
		title: item.title,
		description: item.description,
		responsible:
			item.responsibleUserId && responsibleName
				? { id: item.responsibleUserId, name: responsibleName }
				: null,
		plannedMinutes: item.plannedMinutes,
		isPublic: item.isPublic,
		speakers: speakerRows
			.filter((s) => s.agendaItemId === item.id)
			.map((s) => ({
				id: s.id,
				name: s.name,
				affiliation: s.affiliation,
				email: options.publicOnly ? null : s.email
			})),
		files: visibleFiles.filter((f) => f.agendaItemId === item.id).map(fileView)
	}));
	let openActions: FullAgenda['openActions'] = null;
	const showOpen =
		meeting.state !== 'cancelled' &&
		(meeting.state !== 'held' || options.includeOpenActionsWhenHeld);
	if (showOpen && !options.publicOnly) {
		const open = await openActionItemsForAgenda(db, tenantId, meeting.bodyId, meeting);
		if (open.length > 0)
			openActions = {
				number: String(itemRows.length + 1),
				title: OPEN_ACTIONS_TITLE[options.locale ?? 'de'],
				items: open
			};
	}
	return {
		meeting,
		items,
		meetingFiles: visibleFiles.filter((f) => !f.agendaItemId).map(fileView),
		openActions
	};
}

// ---------------------------------------------------------------------------------------------
// Changes

const blank = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v;
const checkbox = z.preprocess(
	(v) => v === true || v === 'on' || v === 'true' || v === '1',
	z.boolean()
);

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
export type AgendaItemInput = z.input<typeof agendaItemInput>;

export const speakerInput = z.object({
	name: z
		.string({ error: 'meetings_error_speaker_name_required' })
		.trim()
		.min(1, { error: 'meetings_error_speaker_name_required' })
		.max(200, { error: 'meetings_error_speaker_name_too_long' }),
	affiliation: z.preprocess(
		blank,
		z.string().trim().max(200, { error: 'meetings_error_speaker_affiliation_too_long' }).optional()
	),
	email: z.preprocess(
		blank,
		z.email({ error: 'meetings_error_speaker_email_invalid' }).max(254).optional()
	)
});

/**
 * The meeting, locked for the change, when the actor may manage it and its agenda may change:
 * not for cancelled meetings, nor once the minutes are approved.
 */
async function lockAgenda(tx: Executor, tenantId: string, meetingId: string) {
	const [row] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
		.for('update');
	if (!row) throw new NotFoundError();
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

async function findItem(tx: Executor, tenantId: string, meetingId: string, itemId: unknown) {
	if (typeof itemId !== 'string' || !z.uuid().safeParse(itemId).success) throw new NotFoundError();
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
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	raw: unknown
): Promise<{ id: string }> {
	const { meeting } = await loadMeetingToManage(ctx, tenantId, meetingId);
	const values = await parseItem(ctx.db, tenantId, raw);
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

export async function updateAgendaItem(
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	itemId: string,
	raw: unknown
): Promise<void> {
	const { meeting } = await loadMeetingToManage(ctx, tenantId, meetingId);
	const values = await parseItem(ctx.db, tenantId, raw);
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const before = await findItem(tx, tenantId, meeting.id, itemId);
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
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	itemId: string
): Promise<void> {
	const { meeting } = await loadMeetingToManage(ctx, tenantId, meetingId);
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const before = await findItem(tx, tenantId, meeting.id, itemId);
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
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	itemId: string,
	direction: unknown
): Promise<void> {
	const { meeting } = await loadMeetingToManage(ctx, tenantId, meetingId);
	if (direction !== 'up' && direction !== 'down') throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const item = await findItem(tx, tenantId, meeting.id, itemId);
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

/** Adds a guest speaker (Referent:in, no account needed) to an item. */
export async function addSpeaker(
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	itemId: string,
	raw: unknown
): Promise<{ id: string }> {
	const { meeting } = await loadMeetingToManage(ctx, tenantId, meetingId);
	const parsed = speakerInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	return ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const item = await findItem(tx, tenantId, meeting.id, itemId);
		const [row] = await tx
			.insert(agendaItemSpeakers)
			.values({
				tenantId,
				agendaItemId: item.id,
				name: parsed.data.name,
				affiliation: parsed.data.affiliation ?? null,
				email: parsed.data.email?.toLowerCase() ?? null
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.speaker_add',
			entityType: 'agenda_item',
			entityId: item.id,
			after: { name: item.title, speaker: row.name, affiliation: row.affiliation }
		});
		return { id: row.id };
	});
}

export async function removeSpeaker(
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	speakerId: string
): Promise<void> {
	const { meeting } = await loadMeetingToManage(ctx, tenantId, meetingId);
	if (!z.uuid().safeParse(speakerId).success) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const [row] = await tx
			.select({ speaker: agendaItemSpeakers, item: agendaItems })
			.from(agendaItemSpeakers)
			.innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
			.where(
				and(
					eq(agendaItemSpeakers.tenantId, tenantId),
					eq(agendaItemSpeakers.id, speakerId),
					eq(agendaItems.meetingId, meeting.id)
				)
			);
		if (!row) throw new NotFoundError();
		await tx.delete(agendaItemSpeakers).where(eq(agendaItemSpeakers.id, speakerId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.speaker_remove',
			entityType: 'agenda_item',
			entityId: row.item.id,
			before: { name: row.item.title, speaker: row.speaker.name }
		});
	});
}
