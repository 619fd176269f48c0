/** Dialogues (Dialogveranstaltungen) of a consultation process: staff plan them, everyone sees them. */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { berlinDateOf, berlinTimeOf, parseOrThrow, requireUuid } from '../shared';
import { dialogues } from './schema';
import { dialogueInput, type DialogueData } from './validation';
import { loadDialogue, loadProcess } from './rows';
import { processRules } from './processes';
import { fillPlaces, registrationCounts } from './registrations';
import { dialogueCalendar, dialogueUrl } from './calendar';

export interface DialogueView {
	id: string;
	processId: string;
	title: string;
	description: string | null;
	targetGroup: string;
	startsAt: Date;
	endsAt: Date | null;
	place: string | null;
	languages: string[];
	accessibilityNote: string | null;
	registrationEnabled: boolean;
	capacity: number | null;
	confirmed: number;
	waiting: number;
	/** free places; null without a limit */
	free: number | null;
}

function columns(data: DialogueData) {
	return {
		title: data.title,
		description: data.description ?? null,
		targetGroup: data.targetGroup,
		startsAt: data.startsAt,
		endsAt: data.endsAt ?? null,
		place: data.place ?? null,
		languages: [...new Set(data.languages)],
		accessibilityNote: data.accessibilityNote ?? null,
		registrationEnabled: data.registrationEnabled,
		capacity: data.capacity ?? null
	};
}

function parse(raw: unknown): DialogueData {
	return parseOrThrow(dialogueInput, raw);
}

export async function createDialogue(
	ctx: TenantCtx,
	input: { processId: string; [field: string]: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const data = parse(input);
	return ctx.db.transaction(async (tx) => {
		const process = await loadProcess(tx, tenantId, processId);
		const [row] = await tx
			.insert(dialogues)
			.values({ tenantId, processId, ...columns(data) })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'dialogue.create',
			entityType: 'dialogue',
			entityId: row.id,
			after: { name: row.title, process: process.title, ...columns(data) }
		});
		return { id: row.id };
	});
}

/** Changes a dialogue of the process the URL names; more places move people up. */
export async function updateDialogue(
	ctx: TenantCtx,
	input: { processId: string; dialogueId: string; [field: string]: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const id = requireUuid(input.dialogueId);
	const data = parse(input);
	await ctx.db.transaction(async (tx) => {
		const before = await loadDialogue(tx, tenantId, id, { processId, lock: true });
		await tx
			.update(dialogues)
			.set({ ...columns(data), updatedAt: new Date() })
			.where(and(eq(dialogues.tenantId, tenantId), eq(dialogues.id, id)));
		// More places: move people up from the waiting list.
		await fillPlaces(tx, ctx, { ...before, ...columns(data) });
		const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = before;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'dialogue.update',
			entityType: 'dialogue',
			entityId: id,
			before: { name: before.title, ...rest },
			after: { name: data.title, ...columns(data) }
		});
	});
}

function toView(
	row: typeof dialogues.$inferSelect,
	c: { confirmed: number; waiting: number }
): DialogueView {
	return {
		id: row.id,
		processId: row.processId,
		title: row.title,
		description: row.description,
		targetGroup: row.targetGroup,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		place: row.place,
		languages: row.languages,
		accessibilityNote: row.accessibilityNote,
		registrationEnabled: row.registrationEnabled,
		capacity: row.capacity,
		confirmed: c.confirmed,
		waiting: c.waiting,
		free: row.capacity === null ? null : Math.max(0, row.capacity - c.confirmed)
	};
}

/** The dialogues of a process in date order (internal; the views below authorise). */
export async function dialoguesOf(
	db: Executor,
	tenantId: string,
	processId: string
): Promise<DialogueView[]> {
	const rows = await db
		.select()
		.from(dialogues)
		.where(and(eq(dialogues.tenantId, tenantId), eq(dialogues.processId, processId)))
		.orderBy(asc(dialogues.startsAt));
	return Promise.all(rows.map(async (r) => toView(r, await registrationCounts(db, r.id))));
}

/** The dialogues of a process in date order (public data). */
export async function listDialogues(
	ctx: TenantCtx,
	input: { processId: string }
): Promise<DialogueView[]> {
	return dialoguesOf(ctx.db, ctx.tenant.id, input.processId);
}

/**
 * One dialogue of the process the URL names: for the public only in a process that is not a
 * draft; for staff (participation.manage) any.
 */
export async function getDialogue(
	ctx: TenantCtx,
	input: { processId: string; dialogueId: string; staff: boolean }
): Promise<DialogueView & { processTitle: string }> {
	const tenantId = ctx.tenant.id;
	if (input.staff) authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const row = await loadDialogue(ctx.db, tenantId, input.dialogueId, { processId });
	const process = await loadProcess(ctx.db, tenantId, row.processId);
	if (!input.staff && process.status === 'draft') throw new NotFoundError();
	return { ...toView(row, await registrationCounts(ctx.db, row.id)), processTitle: process.title };
}

/** A public dialogue and whether people may register for it now. */
export async function publicDialogue(
	ctx: TenantCtx,
	input: { processId: string; dialogueId: string },
	now: Date = new Date()
): Promise<{ dialogue: DialogueView & { processTitle: string }; canRegister: boolean }> {
	const dialogue = await getDialogue(ctx, { ...input, staff: false });
	const process = await loadProcess(ctx.db, ctx.tenant.id, dialogue.processId);
	const { rules } = await processRules(ctx.db, process, now);
	return {
		dialogue,
		canRegister: dialogue.registrationEnabled && rules.register && dialogue.startsAt > now
	};
}

/** The values of the edit form of a dialogue (Berlin wall-clock times). */
export function dialogueFormValues(d: DialogueView): Record<string, string | string[]> {
	const local = (at: Date) => `${berlinDateOf(at)}T${berlinTimeOf(at)}`;
	return {
		title: d.title,
		description: d.description ?? '',
		targetGroup: d.targetGroup,
		startsAt: local(d.startsAt),
		endsAt: d.endsAt ? local(d.endsAt) : '',
		place: d.place ?? '',
		languages: d.languages,
		accessibilityNote: d.accessibilityNote ?? '',
		registrationEnabled: d.registrationEnabled ? 'on' : '',
		capacity: d.capacity === null ? '' : String(d.capacity)
	};
}

/** A public dialogue as an iCalendar file. */
export async function dialogueIcs(
	ctx: TenantCtx,
	input: { processId: string; dialogueId: string }
): Promise<{ id: string; ics: string }> {
	const dialogue = await getDialogue(ctx, { ...input, staff: false });
	const url = dialogueUrl(ctx.origin, ctx.tenant.slug, dialogue.processId, dialogue.id);
	return { id: dialogue.id, ics: dialogueCalendar(dialogue, url) };
}
