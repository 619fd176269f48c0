/** Instructions (Handlungsanweisungen) from decisions, with the state of their action items. */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { bodies } from '../bodies/schema';
import { organizations } from '../organizations/schema';
import { actionItems } from '../minutes/schema';
import { instructions, papers } from './schema';

export interface InstructionView {
	id: string;
	paperId: string;
	paperReference: string;
	paperTitle: string;
	bodyId: string;
	bodyName: string;
	organizationName: string | null;
	text: string;
	dueDate: string | null;
	actionItemState: string | null;
	createdAt: Date;
}

export async function instructionViews(db: Executor, where: SQL): Promise<InstructionView[]> {
	const rows = await db
		.select({
			i: instructions,
			paperReference: papers.reference,
			paperTitle: papers.title,
			bodyName: bodies.name,
			organizationName: organizations.name,
			actionItemState: actionItems.state
		})
		.from(instructions)
		.innerJoin(papers, eq(papers.id, instructions.paperId))
		.innerJoin(bodies, eq(bodies.id, instructions.bodyId))
		.leftJoin(organizations, eq(organizations.id, instructions.organizationId))
		.leftJoin(actionItems, eq(actionItems.id, instructions.actionItemId))
		.where(where)
		.orderBy(asc(instructions.dueDate), asc(instructions.createdAt));
	return rows.map((r) => ({
		id: r.i.id,
		paperId: r.i.paperId,
		paperReference: r.paperReference,
		paperTitle: r.paperTitle,
		bodyId: r.i.bodyId,
		bodyName: r.bodyName,
		organizationName: r.organizationName,
		text: r.i.text,
		dueDate: r.i.dueDate,
		actionItemState: r.actionItemState,
		createdAt: r.i.createdAt
	}));
}

/**
 * Instructions addressed to the bodies the actor belongs to (all of the tenant's for
 * coordinators), with the state of their action items.
 */
export async function myInstructions(ctx: TenantCtx): Promise<InstructionView[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	if (can(actor, 'paper.manage', { tenantId }))
		return instructionViews(ctx.db, eq(instructions.tenantId, tenantId));
	const myBodies = Object.keys(actor.bodyRoles ?? {});
	if (myBodies.length === 0) return [];
	return instructionViews(
		ctx.db,
		and(eq(instructions.tenantId, tenantId), inArray(instructions.bodyId, myBodies))!
	);
}
