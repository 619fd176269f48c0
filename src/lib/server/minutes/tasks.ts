/**
 * Open tasks of the minutes domain for the start page (workspace/): action items that are due
 * or overdue, the actor's own action items, and minutes still unfinished after the meeting.
 * Each function authorises itself.
 */
import { and, asc, desc, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { bodies } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { meetings } from '../meetings/schema';
import { addDays, berlinDateOf, berlinToday, totalOf, totalRows, type TaskList } from '../shared';
import { actionItems } from './schema';
import { myOrganizationIds } from './action-item-access';

const OPEN = ['open', 'in_progress'] as const;

async function actionItemTasks(
	ctx: TenantCtx,
	where: SQL | undefined,
	limit: number,
	href: (item: { id: string; bodyId: string }) => string
): Promise<TaskList> {
	const today = berlinToday();
	const rows = await ctx.db
		.select({
			id: actionItems.id,
			title: actionItems.title,
			bodyId: actionItems.bodyId,
			bodyName: bodies.name,
			dueDate: actionItems.dueDate,
			total: totalRows()
		})
		.from(actionItems)
		.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
		.where(where)
		.orderBy(sql`${actionItems.dueDate} asc nulls last`, asc(actionItems.createdAt))
		.limit(limit);
	return {
		total: totalOf(rows),
		entries: rows.map((r) => ({
			id: r.id,
			title: r.title,
			detail: r.bodyName,
			date: r.dueDate,
			overdue: !!r.dueDate && r.dueDate < today,
			href: href(r)
		}))
	};
}

/**
 * Open and in-progress action items of the tenant that are overdue or due within `days`
 * (coordinators: whoever may plan every body's meetings), earliest first.
 */
export async function dueActionItemTasks(
	ctx: TenantCtx,
	limit: number,
	days = 7
): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	const horizon = addDays(berlinToday(), days);
	return actionItemTasks(
		ctx,
		and(
			eq(actionItems.tenantId, tenantId),
			inArray(actionItems.state, [...OPEN]),
			sql`${actionItems.dueDate} <= ${horizon}::date`
		),
		limit,
		(r) => `/app/${ctx.tenant.slug}/gremien/${r.bodyId}/aufgaben#task-${r.id}`
	);
}

/**
 * The actor's own open action items ("Meine Aufgaben": assigned to them, or to an organisation
 * they edit or represent), earliest due date first.
 */
export async function myActionItemTasks(ctx: TenantCtx, limit: number): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const orgIds = await myOrganizationIds(ctx.db, ctx.actor, tenantId);
	return actionItemTasks(
		ctx,
		and(
			eq(actionItems.tenantId, tenantId),
			inArray(actionItems.state, [...OPEN]),
			orgIds.length > 0
				? or(
						eq(actionItems.assigneeUserId, ctx.actor.userId),
						inArray(actionItems.assigneeOrganizationId, orgIds)
					)
				: eq(actionItems.assigneeUserId, ctx.actor.userId)
		),
		limit,
		(r) => `/app/${ctx.tenant.slug}/aufgaben#task-${r.id}`
	);
}

/**
 * Meetings that have ended but whose minutes are not written or still a draft (not yet shared),
 * within the last `days`, the oldest first: of every body for coordinators, of `bodyIds` (bodies
 * the actor plans) otherwise.
 */
export async function draftMinutesTasks(
	ctx: TenantCtx,
	limit: number,
	bodyIds: string[] | 'all',
	days = 180,
	now: Date = new Date()
): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	if (bodyIds === 'all') authorize(ctx.actor, 'body.manage', { tenantId });
	else {
		authorize(ctx.actor, 'tenant.view', { tenantId });
		bodyIds = bodyIds.filter((bodyId) => canManageMeetings(ctx.actor, { id: bodyId, tenantId }));
		if (bodyIds.length === 0) return { total: 0, entries: [] };
	}
	const since = new Date(now.getTime() - days * 86_400_000);
	const where = and(
		eq(meetings.tenantId, tenantId),
		bodyIds === 'all' ? undefined : inArray(meetings.bodyId, bodyIds),
		ne(meetings.state, 'cancelled'),
		inArray(meetings.minutesState, ['none', 'draft']),
		lt(meetings.endsAt, now),
		sql`${meetings.endsAt} >= ${since.toISOString()}::timestamptz`
	);
	const today = berlinToday(now);
	const rows = await ctx.db
		.select({
			id: meetings.id,
			startsAt: meetings.startsAt,
			bodyName: bodies.name,
			total: totalRows()
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(where)
		.orderBy(asc(meetings.startsAt), desc(meetings.id))
		.limit(limit);
	return {
		total: totalOf(rows),
		entries: rows.map((r) => ({
			id: r.id,
			title: r.bodyName,
			detail: null,
			date: berlinDateOf(r.startsAt),
			// minutes are expected within two weeks of the meeting
			overdue: addDays(berlinDateOf(r.startsAt), 14) < today,
			href: `/app/${ctx.tenant.slug}/sitzungen/${r.id}/protokoll`
		}))
	};
}
