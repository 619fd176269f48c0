import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { auditLog } from './schema';
import { users } from '../auth/schema';
import { authorize } from '../auth/policy';
import { containsPattern, pageOf, pageOffset } from '../shared';

export const PAGE_SIZE = 50;

export const auditFilter = z.object({
	action: z.string().trim().max(100).optional().catch(undefined),
	entityType: z.string().trim().max(100).optional().catch(undefined),
	actor: z.string().trim().max(254).optional().catch(undefined),
	from: z.iso.date().optional().catch(undefined),
	to: z.iso.date().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type AuditFilter = z.infer<typeof auditFilter>;

export interface AuditRow {
	id: number;
	createdAt: Date;
	actorName: string | null;
	actorEmail: string | null;
	action: string;
	entityType: string;
	entityId: string | null;
	before: unknown;
	after: unknown;
}

/**
 * The tenant's audit log, newest first, filtered (the query string's fields; anything unusable is
 * ignored) and paginated (coordinators only).
 */
export async function listAudit(
	ctx: TenantCtx,
	query: Record<string, unknown>
): Promise<{ filter: AuditFilter; rows: AuditRow[]; hasMore: boolean; actions: string[] }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.audit.view', { tenantId });
	const filter = auditFilter.parse(query);
	const where: SQL[] = [eq(auditLog.tenantId, tenantId)];
	if (filter.action) where.push(eq(auditLog.action, filter.action));
	if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
	if (filter.actor) {
		const needle = containsPattern(filter.actor);
		where.push(
			sql`(${users.email} ILIKE ${needle} OR ${users.name} ILIKE ${needle} OR ${auditLog.actorPseudonym} ILIKE ${needle})`
		);
	}
	// Day boundaries are those of the tenants' time zone, not the server's.
	if (filter.from) {
		where.push(
			sql`${auditLog.createdAt} >= (${filter.from}::date::timestamp AT TIME ZONE 'Europe/Berlin')`
		);
	}
	if (filter.to) {
		where.push(
			sql`${auditLog.createdAt} < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')`
		);
	}
	const rows = await ctx.db
		.select({
			id: auditLog.id,
			createdAt: auditLog.createdAt,
			// an erased person's entries show their pseudonym
			actorName: sql<string | null>`coalesce(${users.name}, ${auditLog.actorPseudonym})`,
			actorEmail: users.email,
			action: auditLog.action,
			entityType: auditLog.entityType,
			entityId: auditLog.entityId,
			before: auditLog.before,
			after: auditLog.after
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(and(...where))
		.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
		.limit(PAGE_SIZE + 1)
		.offset(pageOffset(filter.page, PAGE_SIZE));
	const actionRows = await ctx.db
		.selectDistinct({ action: auditLog.action })
		.from(auditLog)
		.where(eq(auditLog.tenantId, tenantId))
		.orderBy(auditLog.action);
	return { filter, ...pageOf(rows, PAGE_SIZE), actions: actionRows.map((r) => r.action) };
}
