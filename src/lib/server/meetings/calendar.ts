/**
 * Meetings across bodies: the tenant calendar (month and list) and "next meetings" on the start
 * pages. Only meetings of bodies the actor may see (canSeeBody, here as a query condition).
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/policy';
import { tenants } from '../tenants/schema';
import { bodies, bodyMemberships } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';
import { meetings, type MeetingState } from './schema';
import { isoWeekday } from './schedule';
import { addDays, berlinDateOf, berlinInstant, berlinToday } from '../shared';

export const CALENDAR_PAGE_SIZE = 25;

/** The SQL form of canSeeBody for the actor in the tenant. */
export function visibleBodiesWhere(actor: Actor | null, tenantId: string): SQL {
	const tenantOnly = eq(bodies.tenantId, tenantId);
	if (!can(actor, 'body.view', { tenantId }))
		return and(tenantOnly, eq(bodies.visibility, 'public'))!;
	if (can(actor, 'body.manage', { tenantId })) return tenantOnly;
	const memberOf = Object.keys(actor?.bodyRoles ?? {});
	const visible =
		memberOf.length > 0
			? or(inArray(bodies.visibility, ['public', 'network']), inArray(bodies.id, memberOf))!
			: inArray(bodies.visibility, ['public', 'network']);
	return and(tenantOnly, visible)!;
}

export interface CalendarMeeting {
	id: string;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
	state: MeetingState;
	location: string | null;
	locationKind: string;
	body: { id: string; name: string; shortName: string | null };
}

const meetingColumns = {
	id: meetings.id,
	title: meetings.title,
	startsAt: meetings.startsAt,
	endsAt: meetings.endsAt,
	state: meetings.state,
	location: meetings.location,
	locationKind: meetings.locationKind,
	bodyId: bodies.id,
	bodyName: bodies.name,
	bodyShortName: bodies.shortName
};

/** A selected row: the meeting's columns as in CalendarMeeting, its body flat. */
type Row = Omit<CalendarMeeting, 'body'> & {
	bodyId: string;
	bodyName: string;
	bodyShortName: string | null;
};

function view(r: Row): CalendarMeeting {
	return {
		id: r.id,
		title: r.title,
		startsAt: r.startsAt,
		endsAt: r.endsAt,
		state: r.state,
		location: r.location,
		locationKind: r.locationKind,
		body: { id: r.bodyId, name: r.bodyName, shortName: r.bodyShortName }
	};
}

/** Meetings of the tenant's bodies the actor may see, with their body, under more conditions. */
function visibleMeetings(ctx: Ctx, tenantId: string, ...conditions: (SQL | undefined)[]) {
	return ctx.db
		.select(meetingColumns)
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(eq(meetings.tenantId, tenantId), visibleBodiesWhere(ctx.actor, tenantId), ...conditions)
		);
}

/** The bodies the actor may see, for the calendar's filter. */
export async function calendarBodies(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	return ctx.db
		.select({ id: bodies.id, name: bodies.name, shortName: bodies.shortName })
		.from(bodies)
		.where(visibleBodiesWhere(ctx.actor, tenantId))
		.orderBy(asc(bodies.name), asc(bodies.id));
}

/** A month 'YYYY-MM' from the query, or the current one. */
export function parseMonth(value: string | null, today: string): string {
	if (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
		const year = +value.slice(0, 4);
		if (year >= 1970 && year <= 2100) return value;
	}
	return today.slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
	const y = +month.slice(0, 4);
	const mo = +month.slice(5, 7) - 1 + delta;
	const year = y + Math.floor(mo / 12);
	const m = ((mo % 12) + 12) % 12;
	return `${year}-${String(m + 1).padStart(2, '0')}`;
}

export interface CalendarCell {
	date: string;
	day: number;
	inMonth: boolean;
	isToday: boolean;
}

/** The weeks of a month as rows of seven days, Monday first, filled up with the days around. */
export function monthGrid(month: string, today: string): CalendarCell[][] {
	const first = `${month}-01`;
	const next = `${shiftMonth(month, 1)}-01`;
	let day = addDays(first, -(isoWeekday(first) - 1));
	const weeks: CalendarCell[][] = [];
	while (day < next) {
		const week: CalendarCell[] = [];
		for (let i = 0; i < 7; i++) {
			week.push({
				date: day,
				day: +day.slice(8, 10),
				inMonth: day.startsWith(month),
				isToday: day === today
			});
			day = addDays(day, 1);
		}
		weeks.push(week);
	}
	return weeks;
}

/** Meetings starting in the month (Europe/Berlin), optionally of one body. */
export async function listMonthMeetings(
	ctx: TenantCtx,
	input: { month: string; bodyId?: string | null }
): Promise<CalendarMeeting[]> {
	const tenantId = ctx.tenant.id;
	const { month, bodyId } = input;
	const from = berlinInstant(`${month}-01`, '00:00');
	const to = berlinInstant(`${shiftMonth(month, 1)}-01`, '00:00');
	const rows = await visibleMeetings(
		ctx,
		tenantId,
		gte(meetings.startsAt, from),
		lt(meetings.startsAt, to),
		bodyId ? eq(bodies.id, bodyId) : undefined
	)
		.orderBy(asc(meetings.startsAt), asc(bodies.name))
		.limit(500);
	return rows.map(view);
}

/**
 * All meetings as a list: those not yet over first (soonest first), then the past ones (latest
 * first); a page of CALENDAR_PAGE_SIZE.
 */
export async function listMeetingsPage(
	ctx: TenantCtx,
	options: { bodyId?: string | null; page?: number },
	now: Date = new Date()
): Promise<{ meetings: CalendarMeeting[]; hasMore: boolean; page: number }> {
	const tenantId = ctx.tenant.id;
	const page = Math.max(1, Math.min(options.page ?? 1, 10_000));
	const nowIso = now.toISOString();
	const rows = await visibleMeetings(
		ctx,
		tenantId,
		options.bodyId ? eq(bodies.id, options.bodyId) : undefined
	)
		.orderBy(
			sql`(${meetings.endsAt} < ${nowIso}::timestamptz) ASC`,
			sql`CASE WHEN ${meetings.endsAt} >= ${nowIso}::timestamptz THEN ${meetings.startsAt} END ASC`,
			desc(meetings.startsAt),
			asc(meetings.id)
		)
		.limit(CALENDAR_PAGE_SIZE + 1)
		.offset((page - 1) * CALENDAR_PAGE_SIZE);
	return {
		meetings: rows.slice(0, CALENDAR_PAGE_SIZE).map(view),
		hasMore: rows.length > CALENDAR_PAGE_SIZE,
		page
	};
}

/**
 * The next meetings for the tenant's start page: of the bodies the actor is a current member
 * of, or, without any membership there, of all bodies the actor may see. Not yet over;
 * cancelled ones stay in the list (marked) so members learn about them.
 */
export async function nextMeetings(
	ctx: TenantCtx,
	options: { limit?: number } = {},
	now: Date = new Date()
): Promise<CalendarMeeting[]> {
	return meetingsAhead(ctx, ctx.tenant.id, options.limit ?? 5, now);
}

async function meetingsAhead(
	ctx: Ctx,
	tenantId: string,
	limit: number,
	now: Date
): Promise<CalendarMeeting[]> {
	const actor = ctx.actor;
	if (!actor) return [];
	const memberships = await ctx.db
		.select({ bodyId: bodyMemberships.bodyId })
		.from(bodyMemberships)
		.where(
			and(
				eq(bodyMemberships.tenantId, tenantId),
				eq(bodyMemberships.userId, actor.userId),
				isCurrentMembership(berlinToday(now))
			)
		);
	const own = [...new Set(memberships.map((m) => m.bodyId))];
	const rows = await visibleMeetings(
		ctx,
		tenantId,
		own.length > 0 ? inArray(bodies.id, own) : undefined,
		gte(meetings.endsAt, now),
		ne(meetings.state, 'held')
	)
		.orderBy(asc(meetings.startsAt), asc(meetings.id))
		.limit(limit);
	return rows.map(view);
}

export interface TenantMeeting extends CalendarMeeting {
	tenant: { slug: string; name: string };
}

/** The next meetings across all tenants the actor has a role in (the overview page). */
export async function nextMeetingsAcrossTenants(
	ctx: Ctx,
	limit = 5,
	now: Date = new Date()
): Promise<TenantMeeting[]> {
	const actor = ctx.actor;
	if (!actor) return [];
	const ids = Object.keys(actor.roles).filter((id) => can(actor, 'body.view', { tenantId: id }));
	if (ids.length === 0) return [];
	const names = await ctx.db
		.select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
		.from(tenants)
		.where(inArray(tenants.id, ids));
	const lists = await Promise.all(
		names.map(async (t) =>
			(await meetingsAhead(ctx, t.id, limit, now)).map((m) => ({
				...m,
				tenant: { slug: t.slug, name: t.name }
			}))
		)
	);
	return lists
		.flat()
		.sort((a, b) => +a.startsAt - +b.startsAt || a.id.localeCompare(b.id))
		.slice(0, limit);
}

/**
 * The tenant calendar page: a month grid (?monat=YYYY-MM) or the list (?ansicht=liste, paged),
 * optionally of one body (?gremium=), for those who may see the tenant's bodies.
 */
export async function getCalendarPage(
	ctx: TenantCtx,
	input: { query: URLSearchParams },
	now: Date = new Date()
) {
	authorize(ctx.actor, 'body.view', { tenantId: ctx.tenant.id });
	const q = input.query;
	const bodyList = await calendarBodies(ctx);
	const wanted = q.get('gremium');
	const bodyId = bodyList.some((b) => b.id === wanted) ? wanted : null;
	const view = q.get('ansicht') === 'liste' ? 'list' : 'month';
	const today = berlinToday(now);
	const month = parseMonth(q.get('monat'), today);
	const base = {
		bodies: bodyList,
		bodyId,
		view,
		today,
		month,
		prevMonth: shiftMonth(month, -1),
		nextMonth: shiftMonth(month, 1)
	} as const;
	if (view === 'list') {
		const pageNo = Number.parseInt(q.get('page') ?? '1', 10);
		const page = await listMeetingsPage(
			ctx,
			{ bodyId, page: Number.isFinite(pageNo) ? pageNo : 1 },
			now
		);
		return {
			...base,
			list: page.meetings.map((mt) => ({ ...mt, past: mt.endsAt < now })),
			page: page.page,
			hasMore: page.hasMore,
			weeks: [],
			byDay: {} as Record<string, never[]>
		};
	}
	const inMonth = await listMonthMeetings(ctx, { month, bodyId });
	const byDay: Record<string, CalendarMeeting[]> = {};
	for (const mt of inMonth) (byDay[berlinDateOf(mt.startsAt)] ??= []).push(mt);
	return {
		...base,
		list: [],
		page: 1,
		hasMore: false,
		weeks: monthGrid(month, today),
		byDay
	};
}

/**
 * The next meetings of the tenant's public bodies (not archived) that are not over yet, as
 * anybody sees them: for the public events list and start page. Cancelled ones stay (marked).
 */
export async function upcomingPublicMeetings(
	ctx: TenantCtx,
	limit: number,
	now: Date = new Date()
): Promise<CalendarMeeting[]> {
	const rows = await visibleMeetings(
		{ ...ctx, actor: null },
		ctx.tenant.id,
		isNull(bodies.archivedAt),
		gte(meetings.endsAt, now)
	)
		.orderBy(asc(meetings.startsAt), asc(meetings.id))
		.limit(limit);
	return rows.map(view);
}
