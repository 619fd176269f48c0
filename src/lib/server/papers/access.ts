import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Actor } from '../auth/actor';
import { can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { consultations, paperAuthors, paperWorkflows, papers, type Paper } from './schema';
import {
	DEFAULT_WORKFLOW,
	workflowDefinition,
	type WorkflowDefinition,
	type WorkflowRole
} from './workflow';
import { isUuid } from '../shared';

/** A paper with what decides who may see and move it. */
export interface PaperContext {
	paper: Paper;
	authorUserIds: string[];
	consultingBodyIds: string[];
}

export async function loadPaperContext(
	db: Executor,
	tenantId: string,
	paperId: string
): Promise<PaperContext | null> {
	if (!isUuid(paperId)) return null;
	const [paper] = await db
		.select()
		.from(papers)
		.where(and(eq(papers.tenantId, tenantId), eq(papers.id, paperId)));
	if (!paper) return null;
	const authors = await db
		.select({ userId: paperAuthors.userId })
		.from(paperAuthors)
		.where(eq(paperAuthors.paperId, paper.id));
	const cons = await db
		.select({ bodyId: consultations.bodyId })
		.from(consultations)
		.where(eq(consultations.paperId, paper.id));
	return {
		paper,
		authorUserIds: authors.map((a) => a.userId).filter((x): x is string => !!x),
		consultingBodyIds: [...new Set(cons.map((c) => c.bodyId))]
	};
}

const isMember = (actor: Actor | null | undefined, bodyId: string | null) =>
	!!bodyId && !!actor?.bodyRoles?.[bodyId];

/** The actor's roles for the workflow of this paper (see workflow.ts). */
export function paperRoles(actor: Actor | null | undefined, pc: PaperContext): Set<WorkflowRole> {
	const roles = new Set<WorkflowRole>();
	if (!actor) return roles;
	const tenantId = pc.paper.tenantId;
	if (!can(actor, 'tenant.view', { tenantId })) return roles;
	if (can(actor, 'paper.manage', { tenantId })) roles.add('coordinator');
	const origin = pc.paper.originatingBodyId;
	const originRole = origin ? actor.bodyRoles?.[origin] : undefined;
	if (originRole === 'speaker' || originRole === 'deputy') roles.add('originator');
	if (pc.authorUserIds.includes(actor.userId)) roles.add('author');
	for (const bodyId of [pc.paper.addressedBodyId, ...pc.consultingBodyIds]) {
		if (bodyId && actor.bodyRoles?.[bodyId] && can(actor, 'meeting.manage', { tenantId, bodyId }))
			roles.add('addressee');
	}
	return roles;
}

/**
 * Who sees a paper in the signed-in area: coordinators always; drafts only the originating body's
 * members and the authors; otherwise public and network papers everyone with a role in the tenant,
 * internal papers the members of the bodies involved (originating, addressed, consulting) and the
 * authors.
 */
export function canSeePaper(actor: Actor | null | undefined, pc: PaperContext): boolean {
	const tenantId = pc.paper.tenantId;
	if (!can(actor, 'body.view', { tenantId })) return false;
	if (can(actor, 'paper.manage', { tenantId })) return true;
	const involved =
		isMember(actor, pc.paper.originatingBodyId) || pc.authorUserIds.includes(actor!.userId);
	if (pc.paper.state === 'draft') return involved;
	if (pc.paper.visibility !== 'internal') return true;
	return (
		involved ||
		isMember(actor, pc.paper.addressedBodyId) ||
		pc.consultingBodyIds.some((b) => isMember(actor, b))
	);
}

/** Coordinators change any paper; the originating body's speakers and the authors their drafts. */
export function canEditPaper(actor: Actor | null | undefined, pc: PaperContext): boolean {
	const roles = paperRoles(actor, pc);
	if (roles.has('coordinator')) return true;
	return pc.paper.state === 'draft' && (roles.has('originator') || roles.has('author'));
}

/** Whether a paper is on the public pages (and OParl): public and no longer a draft. */
export function isPublicPaper(paper: Pick<Paper, 'visibility' | 'state'>): boolean {
	return paper.visibility === 'public' && paper.state !== 'draft';
}

export async function loadVisiblePaper(
	db: Executor,
	actor: Actor | null | undefined,
	tenantId: string,
	paperId: string
): Promise<PaperContext> {
	const pc = await loadPaperContext(db, tenantId, paperId);
	if (!pc || !canSeePaper(actor, pc)) throw new NotFoundError();
	return pc;
}

/** The tenant's workflow graph, the default when it has none (or a stored one is broken). */
export async function loadWorkflow(db: Executor, tenantId: string): Promise<WorkflowDefinition> {
	const [row] = await db
		.select({ definition: paperWorkflows.definition })
		.from(paperWorkflows)
		.where(eq(paperWorkflows.tenantId, tenantId));
	if (!row) return DEFAULT_WORKFLOW;
	const parsed = workflowDefinition.safeParse(row.definition);
	return parsed.success ? parsed.data : DEFAULT_WORKFLOW;
}

/** Bodies that discuss a paper: the addressed body and every consulting body. */
export function discussionBodyIds(pc: PaperContext): string[] {
	return [
		...new Set([pc.paper.addressedBodyId, ...pc.consultingBodyIds].filter(Boolean))
	] as string[];
}
