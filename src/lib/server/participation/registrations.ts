/**
 * Registrations for dialogues: people register (the signed-in user, or name and e-mail with the
 * spam checks of the public forms), wait when the dialogue is full, move up when places free, and
 * cancel through the link in their mail.
 */
import { mailLocale, publicMailLocale, type PublicMailLocale } from '../mail/compose';
import { intlLocale } from '$lib/i18n/intl';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { hashToken, newToken } from '../auth/tokens';
import { passSpamChecks, takeFromLimit } from '../inquiries/spam';
import { parseOrThrow, requireUuid, TIME_ZONE } from '../shared';
import { dialogueRegistrations, dialogues, type RegistrationStatus } from './schema';
import { registrationInput } from './validation';
import { loadDialogue, loadProcess } from './rows';
import { processRules } from './processes';
import { dialogueCalendar, dialogueUrl } from './calendar';
import { movedUpMail, registrationMail } from './mails';

export const REGISTRATION_LIMIT = { max: 10, windowSeconds: 60 * 60 };

export function cancelPath(tenantSlug: string, token: string) {
	return `/${tenantSlug}/beteiligung/abmelden/${token}`;
}

/** A cancel link's token as it can be: anything else is not found. */
function validToken(token: unknown): token is string {
	return typeof token === 'string' && token.length >= 20 && token.length <= 100;
}

export async function registrationCounts(db: Executor, dialogueId: string) {
	const rows = await db
		.select({ status: dialogueRegistrations.status, n: count() })
		.from(dialogueRegistrations)
		.where(eq(dialogueRegistrations.dialogueId, dialogueId))
		.groupBy(dialogueRegistrations.status);
	const by = (s: RegistrationStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
	return { confirmed: by('confirmed'), waiting: by('waiting') };
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
	ctx: TenantCtx,
	input: { processId: string; dialogueId: string }
): Promise<RegistrationRow[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const { id: dialogueId } = await loadDialogue(ctx.db, tenantId, input.dialogueId, { processId });
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

function whenText(row: { startsAt: Date; endsAt: Date | null }, locale: PublicMailLocale) {
	const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) =>
		d.toLocaleString(intlLocale(locale), { timeZone: TIME_ZONE, ...opts });
	const start = fmt(row.startsAt, { dateStyle: 'full', timeStyle: 'short' });
	return row.endsAt ? `${start} – ${fmt(row.endsAt, { timeStyle: 'short' })}` : start;
}

/**
 * Registers a person for a dialogue: the signed-in user, or name and e-mail from the form
 * (with the spam checks of the public forms). Within the capacity the place is confirmed,
 * beyond it the person waits. A mail confirms with a cancel link (and the .ics).
 */
export async function registerForDialogue(
	ctx: TenantCtx,
	input: { processId: unknown; dialogueId: unknown } & Record<string, unknown>,
	now: Date = new Date()
): Promise<{ status: RegistrationStatus; token: string }> {
	const tenantId = ctx.tenant.id;
	const processId = requireUuid(input.processId);
	const row = await loadDialogue(ctx.db, tenantId, input.dialogueId, { processId });
	const dialogueId = row.id;
	const process = await loadProcess(ctx.db, tenantId, row.processId);
	if (process.status === 'draft') throw new NotFoundError();
	const { rules } = await processRules(ctx.db, process, now);
	if (!row.registrationEnabled || !rules.register || row.startsAt <= now)
		throw new ValidationError({ form: 'participation_error_registration_closed' });
	const actor = ctx.actor;
	const spam = passSpamChecks(ctx, input, now);
	const parsed = parseOrThrow(
		registrationInput,
		actor ? { name: actor.name, email: actor.email } : input
	);
	if (!actor) await takeFromLimit(ctx.db, `dialogue:${tenantId}`, ctx.ip, REGISTRATION_LIMIT);
	const token = newToken();
	return ctx.db.transaction(async (tx) => {
		await spam.redeem(tx);
		// one registration at a time per dialogue, so the capacity holds
		const locked = await loadDialogue(tx, tenantId, dialogueId, { lock: true });
		const [dup] = await tx
			.select({ id: dialogueRegistrations.id })
			.from(dialogueRegistrations)
			.where(
				and(
					eq(dialogueRegistrations.dialogueId, dialogueId),
					eq(dialogueRegistrations.email, parsed.email),
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
				name: parsed.name,
				email: parsed.email,
				status,
				cancelTokenHash: hashToken(token)
			})
			.returning({ id: dialogueRegistrations.id });
		const url = dialogueUrl(ctx.origin, ctx.tenant.slug, locked.processId, locked.id);
		await enqueueMail(
			tx,
			tenantId,
			registrationMail({
				to: parsed.email,
				name: parsed.name,
				dialogue: locked.title,
				when: whenText(locked, publicMailLocale(ctx.locale)),
				place: locked.place ?? '–',
				waiting: status === 'waiting',
				cancelLink: `${ctx.origin}${cancelPath(ctx.tenant.slug, token)}`,
				ics: dialogueCalendar(locked, url),
				locale: publicMailLocale(ctx.locale)
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
export async function fillPlaces(
	tx: Executor,
	ctx: TenantCtx,
	dialogue: typeof dialogues.$inferSelect
) {
	const tenantId = ctx.tenant.id;
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
				when: whenText(dialogue, mailLocale(ctx.locale)),
				place: dialogue.place ?? '–',
				cancelLink: `${ctx.origin}${cancelPath(ctx.tenant.slug, token)}`,
				locale: mailLocale(ctx.locale)
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
export async function findRegistrationByToken(ctx: TenantCtx, input: { token: string }) {
	const { token } = input;
	if (!validToken(token)) return null;
	const tenantId = ctx.tenant.id;
	const [row] = await ctx.db
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
export async function cancelRegistration(ctx: TenantCtx, input: { token: string }): Promise<void> {
	const { token } = input;
	if (!validToken(token)) throw new NotFoundError();
	const tenantId = ctx.tenant.id;
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
		const dialogue = await loadDialogue(tx, tenantId, reg.dialogueId, { lock: true });
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
		if (reg.status === 'confirmed') await fillPlaces(tx, ctx, dialogue);
	});
}
