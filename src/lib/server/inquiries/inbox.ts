/** The inbox of citizens' messages (coordinators): lists, statistics, one message. */
import { and, asc, count, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { tenantMembers, users } from '../auth/schema';
import { berlinToday, isUuid, pageOf, pageOffset } from '../shared';
import {
	inquiries,
	inquiryEntries,
	INQUIRY_KINDS,
	INQUIRY_STATES,
	type InquiryEntryKind,
	type InquiryKind,
	type InquiryState
} from './schema';
import { INQUIRIES_PAGE_SIZE, type InboxFilter } from './validation';

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

/** The inbox: newest first, filtered by state, kind and assignee. */
export async function listInquiries(
	ctx: TenantCtx,
	filter: InboxFilter
): Promise<{ rows: InquiryListRow[]; hasMore: boolean }> {
	const tenantId = ctx.tenant.id;
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
		.offset(pageOffset(filter.page, INQUIRIES_PAGE_SIZE));
	const today = berlinToday();
	const page = pageOf(rows, INQUIRIES_PAGE_SIZE);
	return {
		hasMore: page.hasMore,
		rows: page.rows.map(({ i, assigneeName }) => ({
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
	ctx: TenantCtx
): Promise<{ kind: InquiryKind; state: InquiryState; count: number }[]> {
	const tenantId = ctx.tenant.id;
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

export async function loadRow(db: Executor, tenantId: string, id: unknown, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(inquiries)
		.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

export async function getInquiry(
	ctx: TenantCtx,
	input: { inquiryId: string }
): Promise<InquiryDetail> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const row = await loadRow(ctx.db, tenantId, input.inquiryId);
	const id = row.id;
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
export async function assigneeOptions(ctx: TenantCtx): Promise<{ id: string; name: string }[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	return ctx.db
		.select({ id: users.id, name: users.name })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.role, 'coordinator')))
		.orderBy(asc(users.name));
}

/** Number of messages not yet closed, for the tenant's overview. */
export async function openInquiryCount(ctx: TenantCtx): Promise<number> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(inquiries)
		.where(and(eq(inquiries.tenantId, tenantId), ne(inquiries.state, 'closed')));
	return Number(row?.n ?? 0);
}
