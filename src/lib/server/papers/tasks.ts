/**
 * Papers for the start page (workspace/): submitted or scheduled papers waiting for a decision
 * (coordinators: all; speakers, deputies: those of their bodies, drafts included).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { totalOf, totalRows, type TaskList } from '../shared';
import { papers } from './schema';
import { loadWorkflow } from './access';
import { stateLabel } from './workflow';

const WAITING = ['submitted', 'scheduled'];

/**
 * 'all' (paper.manage): every submitted or scheduled paper; otherwise the papers originating
 * from or addressed to the bodies of `bodyIds` the actor may write papers for, drafts too.
 * Oldest paper date first.
 */
export async function papersWaitingTasks(
	ctx: TenantCtx,
	limit: number,
	bodyIds: string[] | 'all'
): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	let where;
	if (bodyIds === 'all') {
		authorize(ctx.actor, 'paper.manage', { tenantId });
		where = and(eq(papers.tenantId, tenantId), inArray(papers.state, WAITING));
	} else {
		authorize(ctx.actor, 'tenant.view', { tenantId });
		const mine = bodyIds.filter((bodyId) => can(ctx.actor, 'paper.create', { tenantId, bodyId }));
		if (mine.length === 0) return { total: 0, entries: [] };
		where = and(
			eq(papers.tenantId, tenantId),
			inArray(papers.state, ['draft', ...WAITING]),
			or(inArray(papers.originatingBodyId, mine), inArray(papers.addressedBodyId, mine))
		);
	}
	const rows = await ctx.db
		.select({
			id: papers.id,
			reference: papers.reference,
			title: papers.title,
			date: papers.date,
			state: papers.state,
			total: totalRows()
		})
		.from(papers)
		.where(where)
		.orderBy(asc(papers.date), asc(papers.reference))
		.limit(limit);
	if (rows.length === 0) return { total: 0, entries: [] };
	// the workflow names the states: read only when there is an entry to label
	const workflow = await loadWorkflow(ctx.db, tenantId);
	return {
		total: totalOf(rows),
		entries: rows.map((r) => ({
			id: r.id,
			title: `${r.reference} · ${r.title}`,
			detail: stateLabel(workflow, r.state, ctx.locale),
			date: r.date,
			overdue: false,
			href: `/app/${ctx.tenant.slug}/vorlagen/${r.id}`
		}))
	};
}
