import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/record';
import type { Paper } from './schema';
import { loadWorkflow } from './access';
import {
	auditView,
	columns,
	insertNumberedPaper,
	paperName,
	parsePaper,
	writeAuthors,
	writeParent
} from './paper-data';

/**
 * Writes a paper. The number is assigned here, at creation (drafts included), from the year of
 * the paper's date; papers are never deleted (withdrawn instead), so the sequence has no gaps.
 */
export async function createPaper(
	ctx: TenantCtx,
	input: unknown
): Promise<{ id: string; reference: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const actor = ctx.actor;
	const d = await parsePaper(ctx.db, tenantId, input);
	// coordinators for any paper; speakers and deputies for papers of their own body
	authorize(actor, 'paper.create', { tenantId, bodyId: d.originatingBodyId });
	if (!d.authorIds.length && !d.authorNames.length) d.authorIds = [actor.userId];
	return ctx.db.transaction(async (tx) => {
		const row = await insertNumberedPaper(tx, tenantId, {
			...columns(d),
			state: (await loadWorkflow(tx, tenantId)).initial,
			createdBy: actor.userId
		});
		await writeAuthors(tx, tenantId, row.id, d);
		await writeParent(tx, tenantId, row.id, d.parentPaperId);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.create',
			entityType: 'paper',
			entityId: row.id,
			after: auditView(row)
		});
		return { id: row.id, reference: row.reference };
	});
}

/** A paper another domain files in its own transaction (a frozen status report). */
export interface FiledPaper {
	type: string;
	title: string;
	text: string;
	date: string;
	addressedBodyId: string | null;
	visibility: Paper['visibility'];
	/** what the audit entry records besides name and type, e.g. the report's id */
	origin: Record<string, unknown>;
}

/**
 * Files a paper as submitted, in the caller's transaction: numbered like any other, the actor
 * as author and submitter. The caller has authorised the actor.
 */
export async function filePaperInTx(
	tx: Executor,
	ctx: TenantCtx,
	filed: FiledPaper
): Promise<{ id: string; reference: string }> {
	const tenantId = ctx.tenant.id;
	const userId = ctx.actor!.userId;
	const paper = await insertNumberedPaper(tx, tenantId, {
		type: filed.type,
		title: filed.title,
		text: filed.text,
		date: filed.date,
		addressedBodyId: filed.addressedBodyId,
		state: 'submitted',
		visibility: filed.visibility,
		submittedAt: new Date(),
		submittedBy: userId,
		createdBy: userId
	});
	await writeAuthors(tx, tenantId, paper.id, { authorIds: [userId], authorNames: [] });
	await recordAudit(tx, ctx, {
		tenantId,
		action: 'paper.create',
		entityType: 'paper',
		entityId: paper.id,
		after: { name: paperName(paper), type: filed.type, ...filed.origin }
	});
	return { id: paper.id, reference: paper.reference };
}
