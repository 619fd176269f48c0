/**
 * Open tasks of the meetings domain for the start page (workspace/): coming meetings whose
 * invitations are not sent yet, and the next meeting of each body the actor plans (its agenda to
 * prepare). Each function authorises itself.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { bodies } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { addDays, berlinDateOf, berlinToday, totalOf, totalRows, type TaskList } from '../shared';
import { agendaItems, meetings } from './schema';

/** Bodies of `bodyIds` whose meetings the actor plans ('all' needs body.manage). */
function plannedBodies(ctx: TenantCtx, bodyIds: string[] | 'all'): string[] | 'all' {
	const tenantId = ctx.tenant.id;
	if (bodyIds === 'all') {
		authorize(ctx.actor, 'body.manage', { tenantId });
		return 'all';
	}
	authorize(ctx.actor, 'tenant.view', { tenantId });
	return bodyIds.filter((id) => canManageMeetings(ctx.actor, { id, tenantId }));
}

/**
 * Planned meetings in the next `days` without invitations sent, the soonest first; overdue when
 * the meeting is less than `leadDays` away.
 */
export async function uninvitedMeetingTasks(
	ctx: TenantCtx,
	limit: number,
	bodyIds: string[] | 'all',
	options: { days?: number; leadDays?: number; now?: Date } = {}
): Promise<TaskList> {
	const bodiesOf = plannedBodies(ctx, bodyIds);
	if (bodiesOf !== 'all' && bodiesOf.length === 0) return { total: 0, entries: [] };
	const now = options.now ?? new Date();
	const until = new Date(now.getTime() + (options.days ?? 42) * 86_400_000);
	const where = and(
		eq(meetings.tenantId, ctx.tenant.id),
		bodiesOf === 'all' ? undefined : inArray(meetings.bodyId, bodiesOf),
		eq(meetings.state, 'planned'),
		isNull(meetings.invitedAt),
		gt(meetings.startsAt, now),
		sql`${meetings.startsAt} <= ${until.toISOString()}::timestamptz`
	);
	const late = addDays(berlinToday(now), options.leadDays ?? 14);
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
		.orderBy(asc(meetings.startsAt), asc(meetings.id))
		.limit(limit);
	return {
		total: totalOf(rows),
		entries: rows.map((r) => ({
			id: r.id,
			title: r.bodyName,
			detail: null,
			date: berlinDateOf(r.startsAt),
			overdue: berlinDateOf(r.startsAt) <= late,
			href: `/app/${ctx.tenant.slug}/sitzungen/${r.id}/einladung`
		}))
	};
}

/**
 * The next coming meeting of each body of `bodyIds` the actor plans (speakers, deputies,
 * moderators), soonest first, with the number of its agenda items (`count`): the agenda to
 * prepare.
 */
export async function agendaToPrepareTasks(
	ctx: TenantCtx,
	limit: number,
	bodyIds: string[],
	now: Date = new Date()
): Promise<TaskList> {
	const planned = plannedBodies(ctx, bodyIds) as string[];
	if (planned.length === 0) return { total: 0, entries: [] };
	const next = ctx.db
		.selectDistinctOn([meetings.bodyId], {
			id: meetings.id,
			bodyId: meetings.bodyId,
			startsAt: meetings.startsAt
		})
		.from(meetings)
		.where(
			and(
				eq(meetings.tenantId, ctx.tenant.id),
				inArray(meetings.bodyId, planned),
				inArray(meetings.state, ['planned', 'invited']),
				gt(meetings.startsAt, now)
			)
		)
		.orderBy(meetings.bodyId, asc(meetings.startsAt))
		.as('next');
	const rows = await ctx.db
		.select({
			id: next.id,
			startsAt: next.startsAt,
			bodyName: bodies.name,
			items:
				sql<number>`(select count(*) from ${agendaItems} where ${agendaItems.meetingId} = ${next.id})`.mapWith(
					Number
				)
		})
		.from(next)
		.innerJoin(bodies, eq(bodies.id, next.bodyId))
		.orderBy(asc(next.startsAt));
	return {
		total: rows.length,
		entries: rows.slice(0, limit).map((r) => ({
			id: r.id,
			title: r.bodyName,
			detail: null,
			date: berlinDateOf(r.startsAt),
			overdue: false,
			count: r.items,
			href: `/app/${ctx.tenant.slug}/sitzungen/${r.id}/tagesordnung`
		}))
	};
}
