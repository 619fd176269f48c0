/**
 * Open tasks of the offers domain for the start page (workspace/): pending reviews and offers
 * whose confirmation is due. Each function authorises itself.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { tenants } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { addMonths, berlinDateOf, berlinToday, totalOf, totalRows, type TaskList } from '../shared';
import { offers, offerTexts } from './schema';
import { isPubliclyVisible } from './visibility';
import { listPendingRevisions } from './revisions';
import { monthsSql } from './reminders';

/** Proposed changes waiting in the review queue, oldest first (coordinators). */
export async function pendingReviewTasks(ctx: TenantCtx, limit: number): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'offer.review', { tenantId });
	const { total, items } = await listPendingRevisions(ctx, { size: limit });
	return {
		total,
		entries: items.map((r) => ({
			id: r.id,
			title: r.entityName,
			detail: r.entityType === 'offer' ? r.organizationName : null,
			date: berlinDateOf(r.submittedAt),
			overdue: false,
			href: `/app/${ctx.tenant.slug}/pruefung/${r.id}`
		}))
	};
}

/**
 * Published offers whose last confirmation is older than the tenant's period, the longest
 * waiting first: all of the tenant's for coordinators, those of their own organisations for
 * editors (others: none).
 */
export async function offersToConfirmTasks(ctx: TenantCtx, limit: number): Promise<TaskList> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const all = can(ctx.actor, 'offer.review', { tenantId });
	const own = ctx.actor.editorOf[tenantId] ?? [];
	if (!all && own.length === 0) return { total: 0, entries: [] };
	const base = sql<Date>`coalesce(${offers.lastConfirmedAt}, ${offers.publishedAt}, ${offers.createdAt})`;
	const where = and(
		eq(offers.tenantId, tenantId),
		all ? undefined : inArray(offers.organizationId, own),
		isPubliclyVisible(),
		sql`${base} < now() - make_interval(months => ${monthsSql})`
	);
	const rows = await ctx.db
		.select({
			id: offers.id,
			base,
			months: monthsSql,
			organizationName: organizations.name,
			title: offerTexts.title,
			total: totalRows()
		})
		.from(offers)
		.innerJoin(tenants, eq(tenants.id, offers.tenantId))
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.leftJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
		.where(where)
		.orderBy(asc(base), asc(offers.id))
		.limit(limit);
	const today = berlinToday();
	return {
		total: totalOf(rows),
		entries: rows.map((r) => {
			const due = addMonths(berlinDateOf(new Date(r.base)), Number(r.months));
			return {
				id: r.id,
				title: r.title ?? r.organizationName,
				detail: r.organizationName,
				date: due,
				overdue: due < today,
				href: `/app/${ctx.tenant.slug}/angebote/${r.id}`
			};
		})
	};
}
