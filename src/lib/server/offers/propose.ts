/**
 * Pending changes (revisions) to published content: an editor's proposal waits for a
 * coordinator. A newer proposal for the same record replaces ("supersedes") the older one.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { recordAudit } from '../audit/record';
import { users } from '../auth/schema';
import { revisions } from './schema';

export type RevisionEntity = 'offer' | 'organization';

/** SQL: the open proposals for a record. */
const isPending = (tenantId: string, entityType: RevisionEntity, entityId: string) =>
	and(
		eq(revisions.tenantId, tenantId),
		eq(revisions.entityType, entityType),
		eq(revisions.entityId, entityId),
		eq(revisions.status, 'pending')
	);

/** Marks open proposals for the record as superseded; returns how many there were. */
export async function supersedePending(
	tx: Executor,
	tenantId: string,
	entityType: RevisionEntity,
	entityId: string
): Promise<number> {
	const rows = await tx
		.update(revisions)
		.set({ status: 'superseded', decidedAt: new Date() })
		.where(isPending(tenantId, entityType, entityId))
		.returning({ id: revisions.id });
	return rows.length;
}

/** Stores a proposal (the whole new state) in the caller's transaction, audited. */
export async function proposeRevision(
	tx: Executor,
	ctx: Ctx,
	args: {
		tenantId: string;
		entityType: RevisionEntity;
		entityId: string;
		before: unknown;
		proposed: unknown;
	}
): Promise<string> {
	await supersedePending(tx, args.tenantId, args.entityType, args.entityId);
	const [row] = await tx
		.insert(revisions)
		.values({
			tenantId: args.tenantId,
			entityType: args.entityType,
			entityId: args.entityId,
			proposed: args.proposed,
			submittedBy: ctx.actor?.userId ?? null
		})
		.returning({ id: revisions.id });
	await recordAudit(tx, ctx, {
		tenantId: args.tenantId,
		action: `${args.entityType}.revision_submit`,
		entityType: args.entityType,
		entityId: args.entityId,
		before: args.before,
		after: { revisionId: row.id, proposed: args.proposed }
	});
	return row.id;
}

export interface PendingRevisionInfo {
	id: string;
	submittedAt: Date;
	submittedBy: string | null;
	proposed: unknown;
}

/** The open proposal for a record, if any. */
export async function pendingRevision(
	db: Executor,
	tenantId: string,
	entityType: RevisionEntity,
	entityId: string
): Promise<PendingRevisionInfo | null> {
	const [row] = await db
		.select()
		.from(revisions)
		.where(isPending(tenantId, entityType, entityId))
		.orderBy(desc(revisions.submittedAt))
		.limit(1);
	if (!row) return null;
	return {
		id: row.id,
		submittedAt: row.submittedAt,
		submittedBy: row.submittedBy,
		proposed: row.proposed
	};
}

/**
 * The open proposal as the record's page shows it (to those who may edit): who submitted it,
 * when, and the proposed state.
 */
export async function pendingProposal<S>(
	db: Executor,
	tenantId: string,
	entityType: RevisionEntity,
	entityId: string
): Promise<{ id: string; submittedAt: Date; submittedByName: string | null; proposed: S } | null> {
	const pending = await pendingRevision(db, tenantId, entityType, entityId);
	if (!pending) return null;
	let submittedByName: string | null = null;
	if (pending.submittedBy) {
		const [u] = await db
			.select({ name: users.name })
			.from(users)
			.where(eq(users.id, pending.submittedBy));
		submittedByName = u?.name ?? null;
	}
	return {
		id: pending.id,
		submittedAt: pending.submittedAt,
		submittedByName,
		proposed: (pending.proposed as { state: S }).state
	};
}
