/** Working on a citizen's message (coordinators): state, assignee, due date, notes, replies. */
import { publicMailLocale } from '../mail/compose';
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { fieldErrors, isChecked } from '../shared';
import { inquiries, inquiryEntries, type InquiryState } from './schema';
import { dueInput, entryInput, stateInput } from './validation';
import { assigneeOptions, loadRow } from './inbox';
import { replyMail } from './mails';
import { notifyInquiryAssigned } from './notify';

/** The message of the URL, as every use case here names it. */
interface InquiryRef {
	inquiryId: string;
}

function stateTimes(state: InquiryState, now: Date) {
	return {
		closedAt: state === 'closed' ? now : null,
		...(state === 'answered' ? { answeredAt: now } : {})
	};
}

/** Moves a message to another state (new → in progress → answered → closed, or back). */
export async function setInquiryState(
	ctx: TenantCtx,
	input: InquiryRef & { state?: unknown },
	now: Date = new Date()
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const parsed = stateInput.safeParse(input.state);
	if (!parsed.success) throw new ValidationError({ state: 'inquiries_error_state_invalid' });
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, input.inquiryId, true);
		const id = row.id;
		if (row.purgedAt) throw new ValidationError({ state: 'inquiries_error_purged' });
		if (row.state === parsed.data) return;
		await tx
			.update(inquiries)
			.set({ state: parsed.data, ...stateTimes(parsed.data, now), updatedAt: now })
			.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.state_change',
			entityType: 'inquiry',
			entityId: id,
			before: { name: row.reference, state: row.state },
			after: { name: row.reference, state: parsed.data }
		});
	});
}

/** Assigns a message to a coordinator of the tenant, or to nobody (''). */
export async function assignInquiry(
	ctx: TenantCtx,
	input: InquiryRef & { assigneeId?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const { assigneeId } = input;
	const target = typeof assigneeId === 'string' && assigneeId !== '' ? assigneeId : null;
	if (target) {
		const options = await assigneeOptions(ctx);
		if (!options.some((o) => o.id === target))
			throw new ValidationError({ assigneeId: 'inquiries_error_assignee_invalid' });
	}
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, input.inquiryId, true);
		const id = row.id;
		if (row.assigneeId === target) return;
		await tx
			.update(inquiries)
			.set({ assigneeId: target, updatedAt: new Date() })
			.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.assign',
			entityType: 'inquiry',
			entityId: id,
			before: { name: row.reference, assigneeId: row.assigneeId },
			after: { name: row.reference, assigneeId: target }
		});
		if (target && target !== ctx.actor?.userId) await notifyInquiryAssigned(tx, ctx, row, target);
	});
}

/** Sets or clears the date by which the message should be answered. */
export async function setInquiryDue(
	ctx: TenantCtx,
	input: InquiryRef & { dueOn?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const parsed = dueInput.safeParse(input.dueOn);
	if (!parsed.success) throw new ValidationError({ dueOn: 'inquiries_error_due_invalid' });
	const due = parsed.data ?? null;
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, input.inquiryId, true);
		const id = row.id;
		if (row.dueOn === due) return;
		await tx
			.update(inquiries)
			.set({ dueOn: due, updatedAt: new Date() })
			.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.due_change',
			entityType: 'inquiry',
			entityId: id,
			before: { name: row.reference, dueOn: row.dueOn },
			after: { name: row.reference, dueOn: due }
		});
	});
}

/** What the sender sees of the staff member who answered: the first name. */
export function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] ?? '';
}

/** An internal note: staff only, never shown behind the status link. */
export async function addInquiryNote(
	ctx: TenantCtx,
	input: InquiryRef & { note?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const actor = ctx.actor;
	const parsed = entryInput.safeParse({ body: input.note });
	if (!parsed.success) throw new ValidationError({ note: fieldErrors(parsed.error).body });
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, input.inquiryId, true);
		const id = row.id;
		if (row.purgedAt) throw new ValidationError({ note: 'inquiries_error_purged' });
		const [entry] = await tx
			.insert(inquiryEntries)
			.values({
				tenantId,
				inquiryId: id,
				kind: 'note',
				body: parsed.data.body,
				authorId: actor.userId
			})
			.returning({ id: inquiryEntries.id });
		const next = row.state === 'new' ? 'in_progress' : row.state;
		await tx
			.update(inquiries)
			.set({ state: next, updatedAt: new Date() })
			.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.note',
			entityType: 'inquiry',
			entityId: id,
			after: { name: row.reference, entryId: entry.id, state: next }
		});
	});
}

/**
 * Answers the sender: the reply is kept with the message, shown behind the status link and
 * sent by mail when the sender left an address. The message becomes "answered" (or "closed").
 */
export async function replyToInquiry(
	ctx: TenantCtx,
	input: InquiryRef & { reply?: unknown; close?: unknown },
	now: Date = new Date()
): Promise<{ mailed: boolean }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const actor = ctx.actor;
	const raw = input;
	const parsed = entryInput.safeParse({ body: input.reply });
	if (!parsed.success) throw new ValidationError({ reply: fieldErrors(parsed.error).body });
	const close = isChecked(raw.close);
	return ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, input.inquiryId, true);
		const id = row.id;
		if (row.purgedAt) throw new ValidationError({ reply: 'inquiries_error_purged' });
		const author = firstName(actor.name);
		const [entry] = await tx
			.insert(inquiryEntries)
			.values({
				tenantId,
				inquiryId: id,
				kind: 'reply',
				body: parsed.data.body,
				authorId: actor.userId,
				authorLabel: author,
				createdAt: now
			})
			.returning({ id: inquiryEntries.id });
		const state: InquiryState = close ? 'closed' : 'answered';
		await tx
			.update(inquiries)
			.set({
				state,
				answeredAt: now,
				closedAt: close ? now : null,
				updatedAt: now
			})
			.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
		if (row.email) {
			await enqueueMail(
				tx,
				tenantId,
				replyMail({
					to: row.email,
					name: row.name,
					tenantName: ctx.tenant.name,
					reference: row.reference,
					reply: parsed.data.body,
					author,
					locale: publicMailLocale(row.locale)
				})
			);
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.reply',
			entityType: 'inquiry',
			entityId: id,
			before: { name: row.reference, state: row.state },
			after: { name: row.reference, state, entryId: entry.id, mailed: !!row.email }
		});
		return { mailed: !!row.email };
	});
}
