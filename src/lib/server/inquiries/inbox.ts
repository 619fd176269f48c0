import { and, asc, count, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { tenantMembers, users } from '../auth/schema';
import { tenants } from '../tenants/schema';
import {
	inquiries,
	inquiryEntries,
	inquiryTemplates,
	INQUIRY_KINDS,
	INQUIRY_STATES,
	type InquiryEntryKind,
	type InquiryKind,
	type InquiryState
} from './schema';
import {
	dueInput,
	entryInput,
	INQUIRIES_PAGE_SIZE,
	isUuid,
	stateInput,
	templateInput,
	type InboxFilter
} from './validation';
import { replyMail } from './mails';
import { fieldErrors } from '../shared';

export interface InquiryListRow {
	id: string;
	reference: string;
	kind: InquiryKind;
	state: InquiryState;
	subject: string | null;
	excerpt: string | null;
	hasEmail: boolean;
	assigneeName: string | null;
	dueOn: string | null;
	overdue: boolean;
	createdAt: Date;
	purged: boolean;
}

function todayBerlin(now = new Date()): string {
	return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/** The inbox: newest first, filtered by state, kind and assignee. */
export async function listInquiries(
	ctx: Ctx,
	tenantId: string,
	filter: InboxFilter
): Promise<{ rows: InquiryListRow[]; hasMore: boolean }> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const where: SQL[] = [eq(inquiries.tenantId, tenantId)];
	if (filter.state === 'open') where.push(ne(inquiries.state, 'closed'));
	else if (filter.state) where.push(eq(inquiries.state, filter.state));
	if (filter.kind) where.push(eq(inquiries.kind, filter.kind));
	if (filter.assignee === 'me') where.push(eq(inquiries.assigneeId, ctx.actor.userId));
	else if (filter.assignee === 'none') where.push(isNull(inquiries.assigneeId));
	else if (filter.assignee) where.push(eq(inquiries.assigneeId, filter.assignee));
	const rows = await ctx.db
		.select({ i: inquiries, assigneeName: users.name })
		.from(inquiries)
		.leftJoin(users, eq(users.id, inquiries.assigneeId))
		.where(and(...where))
		.orderBy(desc(inquiries.createdAt), asc(inquiries.id))
		.limit(INQUIRIES_PAGE_SIZE + 1)
		.offset((filter.page - 1) * INQUIRIES_PAGE_SIZE);
	const today = todayBerlin();
	return {
		hasMore: rows.length > INQUIRIES_PAGE_SIZE,
		rows: rows.slice(0, INQUIRIES_PAGE_SIZE).map(({ i, assigneeName }) => ({
			id: i.id,
			reference: i.reference,
			kind: i.kind,
			state: i.state,
			subject: i.subject,
			excerpt: i.body ? (i.body.length > 120 ? `${i.body.slice(0, 117)}…` : i.body) : null,
			hasEmail: !!i.email,
			assigneeName,
			dueOn: i.dueOn,
			overdue: !!i.dueOn && i.dueOn < today && i.state !== 'closed' && i.state !== 'answered',
			createdAt: i.createdAt,
			purged: !!i.purgedAt
		}))
	};
}

/** Anonymous statistics: messages per kind and state (kept after personal data is deleted). */
export async function inquiryStatistics(
	ctx: Ctx,
	tenantId: string
): Promise<{ kind: InquiryKind; state: InquiryState; count: number }[]> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const rows = await ctx.db
		.select({ kind: inquiries.kind, state: inquiries.state, n: count() })
		.from(inquiries)
		.where(eq(inquiries.tenantId, tenantId))
		.groupBy(inquiries.kind, inquiries.state);
	const out: { kind: InquiryKind; state: InquiryState; count: number }[] = [];
	for (const kind of INQUIRY_KINDS)
		for (const state of INQUIRY_STATES)
			out.push({
				kind,
				state,
				count: Number(rows.find((r) => r.kind === kind && r.state === state)?.n ?? 0)
			});
	return out;
}

export interface InquiryDetail {
	id: string;
	reference: string;
	kind: InquiryKind;
	state: InquiryState;
	subject: string | null;
	body: string | null;
	name: string | null;
	email: string | null;
	consentVersion: string;
	consentAt: Date;
	proofOfWork: boolean;
	assigneeId: string | null;
	dueOn: string | null;
	createdAt: Date;
	answeredAt: Date | null;
	closedAt: Date | null;
	purgedAt: Date | null;
	entries: {
		id: string;
		kind: InquiryEntryKind;
		body: string;
		authorName: string | null;
		createdAt: Date;
	}[];
}

async function loadRow(db: Executor, tenantId: string, id: string, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(inquiries)
		.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

export async function getInquiry(ctx: Ctx, tenantId: string, id: string): Promise<InquiryDetail> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const row = await loadRow(ctx.db, tenantId, id);
	const entries = await ctx.db
		.select({ e: inquiryEntries, authorName: users.name })
		.from(inquiryEntries)
		.leftJoin(users, eq(users.id, inquiryEntries.authorId))
		.where(and(eq(inquiryEntries.tenantId, tenantId), eq(inquiryEntries.inquiryId, id)))
		.orderBy(asc(inquiryEntries.createdAt));
	return {
		id: row.id,
		reference: row.reference,
		kind: row.kind,
		state: row.state,
		subject: row.subject,
		body: row.body,
		name: row.name,
		email: row.email,
		consentVersion: row.consentVersion,
		consentAt: row.consentAt,
		proofOfWork: row.proofOfWork,
		assigneeId: row.assigneeId,
		dueOn: row.dueOn,
		createdAt: row.createdAt,
		answeredAt: row.answeredAt,
		closedAt: row.closedAt,
		purgedAt: row.purgedAt,
		entries: entries.map(({ e, authorName }) => ({
			id: e.id,
			kind: e.kind,
			body: e.body,
			authorName: e.kind === 'followup' ? null : authorName,
			createdAt: e.createdAt
		}))
	};
}

/** People of the tenant a message can be assigned to (coordinators). */
export async function assigneeOptions(
	ctx: Ctx,
	tenantId: string
): Promise<{ id: string; name: string }[]> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	return ctx.db
		.select({ id: users.id, name: users.name })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.role, 'coordinator')))
		.orderBy(asc(users.name));
}

function stateTimes(state: InquiryState, now: Date) {
	return {
		closedAt: state === 'closed' ? now : null,
		...(state === 'answered' ? { answeredAt: now } : {})
	};
}

/** Moves a message to another state (new → in progress → answered → closed, or back). */
export async function setInquiryState(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown,
	now: Date = new Date()
): Promise<void> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const parsed = stateInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError({ state: 'inquiries_error_state_invalid' });
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, id, true);
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
	ctx: Ctx,
	tenantId: string,
	id: string,
	assigneeId: unknown
): Promise<void> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const target = typeof assigneeId === 'string' && assigneeId !== '' ? assigneeId : null;
	if (target) {
		const options = await assigneeOptions(ctx, tenantId);
		if (!options.some((o) => o.id === target))
			throw new ValidationError({ assigneeId: 'inquiries_error_assignee_invalid' });
	}
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, id, true);
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
	});
}

/** Sets or clears the date by which the message should be answered. */
export async function setInquiryDue(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const parsed = dueInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError({ dueOn: 'inquiries_error_due_invalid' });
	const due = parsed.data ?? null;
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, id, true);
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
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const actor = ctx.actor;
	const parsed = entryInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError({ note: fieldErrors(parsed.error).body });
	await ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, id, true);
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
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: { body?: unknown; close?: unknown },
	now: Date = new Date()
): Promise<{ mailed: boolean }> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const actor = ctx.actor;
	const parsed = entryInput.safeParse({ body: raw.body });
	if (!parsed.success) throw new ValidationError({ reply: fieldErrors(parsed.error).body });
	const close = raw.close === 'on' || raw.close === true || raw.close === 'true';
	return ctx.db.transaction(async (tx) => {
		const row = await loadRow(tx, tenantId, id, true);
		if (row.purgedAt) throw new ValidationError({ reply: 'inquiries_error_purged' });
		const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
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
					tenantName: tenant.name,
					reference: row.reference,
					reply: parsed.data.body,
					author,
					locale: row.locale === 'en' ? 'en' : 'de'
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

// Templates (Textbausteine) ---------------------------------------------------------------

export interface TemplateView {
	id: string;
	title: string;
	body: string;
}

export async function listTemplates(ctx: Ctx, tenantId: string): Promise<TemplateView[]> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	return ctx.db
		.select({ id: inquiryTemplates.id, title: inquiryTemplates.title, body: inquiryTemplates.body })
		.from(inquiryTemplates)
		.where(eq(inquiryTemplates.tenantId, tenantId))
		.orderBy(asc(inquiryTemplates.title));
}

export async function saveTemplate(
	ctx: Ctx,
	tenantId: string,
	id: string | null,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const parsed = templateInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	if (id !== null && !isUuid(id)) throw new NotFoundError();
	return ctx.db.transaction(async (tx) => {
		let row;
		if (id) {
			[row] = await tx
				.update(inquiryTemplates)
				.set({ ...parsed.data, updatedAt: new Date() })
				.where(and(eq(inquiryTemplates.tenantId, tenantId), eq(inquiryTemplates.id, id)))
				.returning();
			if (!row) throw new NotFoundError();
		} else {
			[row] = await tx
				.insert(inquiryTemplates)
				.values({ tenantId, ...parsed.data })
				.returning();
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: id ? 'inquiry_template.update' : 'inquiry_template.create',
			entityType: 'inquiry_template',
			entityId: row.id,
			after: { name: row.title, body: row.body }
		});
		return { id: row.id };
	});
}

export async function deleteTemplate(ctx: Ctx, tenantId: string, id: string): Promise<void> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	if (!isUuid(id)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.delete(inquiryTemplates)
			.where(and(eq(inquiryTemplates.tenantId, tenantId), eq(inquiryTemplates.id, id)))
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry_template.delete',
			entityType: 'inquiry_template',
			entityId: id,
			before: { name: row.title }
		});
	});
}

/** Number of messages not yet closed, for the tenant's overview. */
export async function openInquiryCount(ctx: Ctx, tenantId: string): Promise<number> {
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(inquiries)
		.where(and(eq(inquiries.tenantId, tenantId), ne(inquiries.state, 'closed')));
	return Number(row?.n ?? 0);
}
