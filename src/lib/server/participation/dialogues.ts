import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { hashToken, newToken } from '../auth/tokens';
import { tenants } from '../tenants/schema';
import { buildCalendar, type CalendarEvent } from '../offers/ical';
import { checkSubmission, HONEYPOT_FIELD, takeFromLimit } from '../inquiries/spam';
import {
	consultationProcesses,
	dialogueRegistrations,
	dialogues,
	type RegistrationStatus
} from './schema';
import { dialogueInput, isUuid, registrationInput, type DialogueData } from './validation';
import { loadProcess, processRules } from './processes';
import { movedUpMail, registrationMail } from './mails';
import { fieldErrors } from '../shared';

export const REGISTRATION_LIMIT = { max: 10, windowSeconds: 60 * 60 };

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
	const parsed = dialogueInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	return parsed.data;
}

export async function createDialogue(
	ctx: Ctx,
	tenantId: string,
	processId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const data = parse(raw);
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

async function loadDialogue(db: Executor, tenantId: string, id: string, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(dialogues)
		.where(and(eq(dialogues.tenantId, tenantId), eq(dialogues.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

export async function updateDialogue(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const data = parse(raw);
	await ctx.db.transaction(async (tx) => {
		const before = await loadDialogue(tx, tenantId, id, true);
		await tx
			.update(dialogues)
			.set({ ...columns(data), updatedAt: new Date() })
			.where(and(eq(dialogues.tenantId, tenantId), eq(dialogues.id, id)));
		// More places: move people up from the waiting list.
		await fillPlaces(tx, ctx, tenantId, { ...before, ...columns(data) });
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

async function registrationCounts(db: Executor, dialogueId: string) {
	const rows = await db
		.select({ status: dialogueRegistrations.status, n: count() })
		.from(dialogueRegistrations)
		.where(eq(dialogueRegistrations.dialogueId, dialogueId))
		.groupBy(dialogueRegistrations.status);
	const by = (s: RegistrationStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
	return { confirmed: by('confirmed'), waiting: by('waiting') };
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

/** The dialogues of a process in date order (public data). */
export async function listDialogues(
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

/** One dialogue of a process that is not a draft (public), or for staff any. */
export async function getDialogue(
	db: Executor,
	tenantId: string,
	id: string,
	opts: { staff: boolean }
): Promise<DialogueView & { processTitle: string }> {
	const row = await loadDialogue(db, tenantId, id);
	const process = await loadProcess(db, tenantId, row.processId);
	if (!opts.staff && process.status === 'draft') throw new NotFoundError();
	return { ...toView(row, await registrationCounts(db, row.id)), processTitle: process.title };
}

export interface RegistrationRow {
	id: string;
	name: string;
	email: string;
	status: RegistrationStatus;
	createdAt: Date;
}

/** Who registered (staff). */
export async function listRegistrations(
	ctx: Ctx,
	tenantId: string,
	dialogueId: string
): Promise<RegistrationRow[]> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	await loadDialogue(ctx.db, tenantId, dialogueId);
	return ctx.db
		.select({
			id: dialogueRegistrations.id,
			name: dialogueRegistrations.name,
			email: dialogueRegistrations.email,
			status: dialogueRegistrations.status,
			createdAt: dialogueRegistrations.createdAt
		})
		.from(dialogueRegistrations)
		.where(
			and(
				eq(dialogueRegistrations.tenantId, tenantId),
				eq(dialogueRegistrations.dialogueId, dialogueId)
			)
		)
		.orderBy(asc(dialogueRegistrations.createdAt));
}

function whenText(row: { startsAt: Date; endsAt: Date | null }, locale: 'de' | 'en') {
	const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) =>
		d.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', ...opts });
	const start = fmt(row.startsAt, { dateStyle: 'full', timeStyle: 'short' });
	return row.endsAt ? `${start} – ${fmt(row.endsAt, { timeStyle: 'short' })}` : start;
}

/** The dialogue as an iCalendar file. */
export function dialogueCalendar(
	row: {
		id: string;
		title: string;
		description: string | null;
		place: string | null;
		startsAt: Date;
		endsAt: Date | null;
	},
	url: string
): string {
	const event: CalendarEvent = {
		uid: `dialogue-${row.id}@miteinander`,
		summary: row.title,
		description: [row.description, url].filter(Boolean).join('\n\n'),
		location: row.place,
		url,
		start: row.startsAt,
		end: row.endsAt
	};
	return buildCalendar([event]);
}

function dialogueUrl(origin: string, tenantSlug: string, processId: string, id: string) {
	return `${origin}/${tenantSlug}/beteiligung/${processId}/dialoge/${id}`;
}

export function cancelPath(tenantSlug: string, token: string) {
	return `/${tenantSlug}/beteiligung/abmelden/${token}`;
}

/**
 * Registers a person for a dialogue: the signed-in user, or name and e-mail from the form
 * (with the spam checks of the public forms). Within the capacity the place is confirmed,
 * beyond it the person waits. A mail confirms with a cancel link (and the .ics).
 */
export async function registerForDialogue(
	ctx: Ctx,
	tenantId: string,
	dialogueId: string,
	raw: Record<string, unknown>,
	now: Date = new Date()
): Promise<{ status: RegistrationStatus; token: string }> {
	const row = await loadDialogue(ctx.db, tenantId, dialogueId);
	const process = await loadProcess(ctx.db, tenantId, row.processId);
	if (process.status === 'draft') throw new NotFoundError();
	const { rules } = await processRules(ctx.db, process, now);
	if (!row.registrationEnabled || !rules.register || row.startsAt <= now)
		throw new ValidationError({ form: 'participation_error_registration_closed' });
	const actor = ctx.actor;
	if (!actor) {
		const verdict = checkSubmission(
			{ honeypot: raw[HONEYPOT_FIELD], challenge: raw.challenge, pow: raw.pow },
			now
		);
		if (!verdict.ok) throw new ValidationError({ form: `inquiries_error_spam_${verdict.reason}` });
	}
	const parsed = registrationInput.safeParse(
		actor ? { name: actor.name, email: actor.email } : raw
	);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	if (!actor) await takeFromLimit(ctx.db, `dialogue:${tenantId}`, ctx.ip, REGISTRATION_LIMIT);
	const token = newToken();
	return ctx.db.transaction(async (tx) => {
		// one registration at a time per dialogue, so the capacity holds
		const locked = await loadDialogue(tx, tenantId, dialogueId, true);
		const [dup] = await tx
			.select({ id: dialogueRegistrations.id })
			.from(dialogueRegistrations)
			.where(
				and(
					eq(dialogueRegistrations.dialogueId, dialogueId),
					eq(dialogueRegistrations.email, parsed.data.email),
					ne(dialogueRegistrations.status, 'cancelled')
				)
			);
		if (dup) throw new ValidationError({ email: 'participation_error_already_registered' });
		const { confirmed } = await registrationCounts(tx, dialogueId);
		const status: RegistrationStatus =
			locked.capacity !== null && confirmed >= locked.capacity ? 'waiting' : 'confirmed';
		const [reg] = await tx
			.insert(dialogueRegistrations)
			.values({
				tenantId,
				dialogueId,
				userId: actor?.userId ?? null,
				name: parsed.data.name,
				email: parsed.data.email,
				status,
				cancelTokenHash: hashToken(token)
			})
			.returning({ id: dialogueRegistrations.id });
		const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
		const url = dialogueUrl(ctx.origin, tenant.slug, locked.processId, locked.id);
		await enqueueMail(
			tx,
			tenantId,
			registrationMail({
				to: parsed.data.email,
				name: parsed.data.name,
				dialogue: locked.title,
				when: whenText(locked, ctx.locale),
				place: locked.place ?? '–',
				waiting: status === 'waiting',
				cancelLink: `${ctx.origin}${cancelPath(tenant.slug, token)}`,
				ics: dialogueCalendar(locked, url),
				locale: ctx.locale
			})
		);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'dialogue.register',
			entityType: 'dialogue',
			entityId: dialogueId,
			after: { name: locked.title, registrationId: reg.id, status }
		});
		return { status, token };
	});
}

/** Moves people up from the waiting list while places are free; mails each of them. */
async function fillPlaces(
	tx: Executor,
	ctx: Ctx,
	tenantId: string,
	dialogue: typeof dialogues.$inferSelect
) {
	const { confirmed } = await registrationCounts(tx, dialogue.id);
	const free = dialogue.capacity === null ? Number.MAX_SAFE_INTEGER : dialogue.capacity - confirmed;
	if (free <= 0) return;
	const waiting = await tx
		.select()
		.from(dialogueRegistrations)
		.where(
			and(
				eq(dialogueRegistrations.dialogueId, dialogue.id),
				eq(dialogueRegistrations.status, 'waiting')
			)
		)
		.orderBy(asc(dialogueRegistrations.createdAt), asc(dialogueRegistrations.id))
		.limit(Math.min(free, 1000));
	if (waiting.length === 0) return;
	const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
	for (const w of waiting) {
		// a new cancel link: the old one is only known to the person, we keep hashes only
		const token = newToken();
		await tx
			.update(dialogueRegistrations)
			.set({ status: 'confirmed', cancelTokenHash: hashToken(token) })
			.where(eq(dialogueRegistrations.id, w.id));
		await enqueueMail(
			tx,
			tenantId,
			movedUpMail({
				to: w.email,
				name: w.name,
				dialogue: dialogue.title,
				when: whenText(dialogue, ctx.locale),
				place: dialogue.place ?? '–',
				cancelLink: `${ctx.origin}${cancelPath(tenant.slug, token)}`,
				locale: ctx.locale
			})
		);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'dialogue.move_up',
			entityType: 'dialogue',
			entityId: dialogue.id,
			after: { name: dialogue.title, registrationId: w.id, status: 'confirmed' }
		});
	}
}

/** What the cancel link shows before the person confirms. */
export async function findRegistrationByToken(db: Executor, tenantId: string, token: string) {
	if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
	const [row] = await db
		.select({ r: dialogueRegistrations, d: dialogues })
		.from(dialogueRegistrations)
		.innerJoin(dialogues, eq(dialogues.id, dialogueRegistrations.dialogueId))
		.where(
			and(
				eq(dialogueRegistrations.tenantId, tenantId),
				eq(dialogueRegistrations.cancelTokenHash, hashToken(token))
			)
		);
	if (!row) return null;
	return {
		name: row.r.name,
		status: row.r.status,
		dialogue: {
			id: row.d.id,
			processId: row.d.processId,
			title: row.d.title,
			startsAt: row.d.startsAt
		}
	};
}

/** Cancels through the link from the mail; the first on the waiting list moves up. */
export async function cancelRegistration(ctx: Ctx, tenantId: string, token: string): Promise<void> {
	if (typeof token !== 'string' || token.length < 20 || token.length > 100)
		throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const [reg] = await tx
			.select()
			.from(dialogueRegistrations)
			.where(
				and(
					eq(dialogueRegistrations.tenantId, tenantId),
					eq(dialogueRegistrations.cancelTokenHash, hashToken(token))
				)
			);
		if (!reg) throw new NotFoundError();
		if (reg.status === 'cancelled') return;
		const dialogue = await loadDialogue(tx, tenantId, reg.dialogueId, true);
		await tx
			.update(dialogueRegistrations)
			.set({ status: 'cancelled', cancelledAt: new Date() })
			.where(eq(dialogueRegistrations.id, reg.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'dialogue.cancel',
			entityType: 'dialogue',
			entityId: dialogue.id,
			before: { name: dialogue.title, registrationId: reg.id, status: reg.status },
			after: { name: dialogue.title, registrationId: reg.id, status: 'cancelled' }
		});
		if (reg.status === 'confirmed') await fillPlaces(tx, ctx, tenantId, dialogue);
	});
}

/** Dialogues of the tenant's public processes coming up next (for the public start page). */
export async function upcomingPublicDialogues(db: Executor, tenantId: string, now = new Date()) {
	return db
		.select({
			id: dialogues.id,
			processId: dialogues.processId,
			title: dialogues.title,
			startsAt: dialogues.startsAt
		})
		.from(dialogues)
		.innerJoin(consultationProcesses, eq(consultationProcesses.id, dialogues.processId))
		.where(
			and(
				eq(dialogues.tenantId, tenantId),
				eq(consultationProcesses.status, 'published'),
				sql`${dialogues.startsAt} > ${now.toISOString()}::timestamptz`
			)
		)
		.orderBy(asc(dialogues.startsAt))
		.limit(5);
}
