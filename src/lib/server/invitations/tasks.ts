/**
 * Open tasks of the invitations domain for the start page (workspace/): coming meetings with
 * unanswered invitations (for those who plan them) and invitations the actor has not answered.
 */
import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { bodies } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { meetings } from '../meetings/schema';
import { berlinDateOf, totalOf, totalRows, type TaskList } from '../shared';
import { meetingInvitations } from './schema';

/**
 * Coming meetings (invitations sent) where members have not answered yet, soonest first, with
 * the number of open answers (`count`): of every body for coordinators ('all'), otherwise of the
 * bodies of `bodyIds` the actor plans.
 */
export async function unansweredInvitationTasks(
	ctx: TenantCtx,
	limit: number,
	bodyIds: string[] | 'all',
	now: Date = new Date()
): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	let planned: string[] | 'all' = 'all';
	if (bodyIds === 'all') authorize(ctx.actor, 'body.manage', { tenantId });
	else {
		authorize(ctx.actor, 'tenant.view', { tenantId });
		planned = bodyIds.filter((id) => canManageMeetings(ctx.actor, { id, tenantId }));
		if (planned.length === 0) return { total: 0, entries: [] };
	}
	const where = and(
		eq(meetings.tenantId, tenantId),
		planned === 'all' ? undefined : inArray(meetings.bodyId, planned),
		eq(meetings.state, 'invited'),
		gt(meetings.startsAt, now),
		isNull(meetingInvitations.response)
	);
	const rows = await ctx.db
		.select({
			id: meetings.id,
			startsAt: meetings.startsAt,
			bodyName: bodies.name,
			open: count()
		})
		.from(meetingInvitations)
		.innerJoin(meetings, eq(meetings.id, meetingInvitations.meetingId))
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(where)
		.groupBy(meetings.id, meetings.startsAt, bodies.name)
		.orderBy(asc(meetings.startsAt), asc(meetings.id));
	return {
		total: rows.length,
		entries: rows.slice(0, limit).map((r) => ({
			id: r.id,
			title: r.bodyName,
			detail: null,
			date: berlinDateOf(r.startsAt),
			overdue: false,
			count: r.open,
			href: `/app/${ctx.tenant.slug}/sitzungen/${r.id}/einladung`
		}))
	};
}

/** Coming meetings of the tenant whose invitation the actor has not answered, soonest first. */
export async function myOpenInvitationTasks(
	ctx: TenantCtx,
	limit: number,
	now: Date = new Date()
): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const where = and(
		eq(meetingInvitations.tenantId, tenantId),
		eq(meetingInvitations.userId, ctx.actor.userId),
		isNull(meetingInvitations.response),
		eq(meetings.state, 'invited'),
		gt(meetings.startsAt, now)
	);
	const rows = await ctx.db
		.select({
			id: meetings.id,
			startsAt: meetings.startsAt,
			bodyName: bodies.name,
			total: totalRows()
		})
		.from(meetingInvitations)
		.innerJoin(meetings, eq(meetings.id, meetingInvitations.meetingId))
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(where)
		.orderBy(asc(meetings.startsAt), asc(meetings.id))
		.limit(limit);
	return {
		total: totalOf(rows),
		entries: rows.map((r) => ({
			id: r.id,
			title: r.bodyName,
			detail: null,
			date: berlinDateOf(r.startsAt),
			overdue: false,
			href: `/app/${ctx.tenant.slug}/sitzungen/${r.id}/einladung`
		}))
	};
}
