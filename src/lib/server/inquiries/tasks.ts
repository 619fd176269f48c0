/** Open citizens' messages for the start page (workspace/): by due date, overdue first. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { berlinToday, totalOf, totalRows, type TaskList } from '../shared';
import { inquiries } from './schema';

/**
 * Messages not yet answered or closed (coordinators): earliest due date first, those without
 * one after them (oldest first); `mine` keeps only those assigned to the actor.
 */
export async function openInquiryTasks(
	ctx: TenantCtx,
	limit: number,
	options: { mine?: boolean } = {}
): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const where = and(
		eq(inquiries.tenantId, tenantId),
		inArray(inquiries.state, ['new', 'in_progress']),
		options.mine ? eq(inquiries.assigneeId, ctx.actor.userId) : undefined
	);
	const rows = await ctx.db
		.select({
			id: inquiries.id,
			reference: inquiries.reference,
			subject: inquiries.subject,
			dueOn: inquiries.dueOn,
			createdAt: inquiries.createdAt,
			total: totalRows()
		})
		.from(inquiries)
		.where(where)
		.orderBy(sql`${inquiries.dueOn} asc nulls last`, asc(inquiries.createdAt), asc(inquiries.id))
		.limit(limit);
	const today = berlinToday();
	return {
		total: totalOf(rows),
		entries: rows.map((r) => ({
			id: r.id,
			title: r.subject ? `${r.reference} · ${r.subject}` : r.reference,
			detail: null,
			date: r.dueOn,
			overdue: !!r.dueOn && r.dueOn < today,
			href: `/app/${ctx.tenant.slug}/anliegen/${r.id}`
		}))
	};
}
