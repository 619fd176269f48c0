/** Lists of papers in the signed-in area: the papers page, meetings the actor plans. */
import { and, asc, count, desc, eq, gte, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { consultations, paperAuthors, papers, type Paper } from './schema';
import { loadWorkflow } from './access';
import { stateLabel, type WorkflowDefinition } from './workflow';
import { paperTypeOptions } from './types';
import { containsPattern } from '../shared';
import { paperFilter, PAPERS_PAGE_SIZE, type PaperFilter } from './validation';

export interface Option {
	id: string;
	name: string;
}

export interface PaperListItem {
	id: string;
	reference: string;
	title: string;
	typeLabel: string;
	date: string;
	state: string;
	stateLabel: string;
	originatingBody: string | null;
	addressedBody: string | null;
}

export const originBody = alias(bodies, 'origin_body');
const addressedBody = alias(bodies, 'addressed_body');

/** The labels of the tenant's paper types by key, in the locale. */
export async function typeLabels(db: Executor, tenantId: string, locale: string) {
	return new Map((await paperTypeOptions(db, tenantId, locale)).map((t) => [t.key, t.label]));
}

/** One row of a paper list. */
export function listItem(
	paper: Paper,
	labels: { types: Map<string, string>; def: WorkflowDefinition; locale: string },
	bodyNames: { origin: string | null; addressed: string | null }
): PaperListItem {
	return {
		id: paper.id,
		reference: paper.reference,
		title: paper.title,
		typeLabel: labels.types.get(paper.type) ?? paper.type,
		date: paper.date,
		state: paper.state,
		stateLabel: stateLabel(labels.def, paper.state, labels.locale),
		originatingBody: bodyNames.origin,
		addressedBody: bodyNames.addressed
	};
}

/**
 * SQL condition for the papers the actor sees (as canSeePaper): everything for coordinators;
 * drafts of their bodies and their own; public and network papers; internal papers of bodies
 * they belong to.
 */
function visibleCondition(ctx: TenantCtx): SQL | undefined {
	const tenantId = ctx.tenant.id;
	const actor = ctx.actor!;
	if (can(actor, 'paper.manage', { tenantId })) return undefined;
	const myBodies = Object.keys(actor.bodyRoles ?? {});
	const inMyBodies = (col: AnyPgColumn) => (myBodies.length ? inArray(col, myBodies) : sql`false`);
	const authored = sql`exists (select 1 from ${paperAuthors} where ${paperAuthors.paperId} = ${papers.id} and ${paperAuthors.userId} = ${actor.userId})`;
	const consultedByMine = myBodies.length
		? sql`exists (select 1 from ${consultations} where ${consultations.paperId} = ${papers.id} and ${inArray(consultations.bodyId, myBodies)})`
		: sql`false`;
	const involved = or(inMyBodies(papers.originatingBodyId), authored)!;
	return or(
		and(eq(papers.state, 'draft'), involved),
		and(
			ne(papers.state, 'draft'),
			or(
				inArray(papers.visibility, ['public', 'network']),
				involved,
				inMyBodies(papers.addressedBodyId),
				consultedByMine
			)
		)
	);
}

export async function listPapers(
	ctx: TenantCtx,
	filter: PaperFilter
): Promise<{ items: PaperListItem[]; total: number; page: number; pageSize: number }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const def = await loadWorkflow(ctx.db, tenantId);
	const types = await typeLabels(ctx.db, tenantId, ctx.locale);
	const conds: (SQL | undefined)[] = [eq(papers.tenantId, tenantId), visibleCondition(ctx)];
	if (filter.state) conds.push(eq(papers.state, filter.state));
	if (filter.type) conds.push(eq(papers.type, filter.type));
	if (filter.body)
		conds.push(
			or(eq(papers.originatingBodyId, filter.body), eq(papers.addressedBodyId, filter.body))
		);
	if (filter.q) {
		const like = containsPattern(filter.q);
		conds.push(or(ilike(papers.title, like), ilike(papers.reference, like)));
	}
	const where = and(...conds);
	const [{ total }] = await ctx.db.select({ total: count() }).from(papers).where(where);
	const rows = await ctx.db
		.select({ paper: papers, origin: originBody.name, addressed: addressedBody.name })
		.from(papers)
		.leftJoin(originBody, eq(originBody.id, papers.originatingBodyId))
		.leftJoin(addressedBody, eq(addressedBody.id, papers.addressedBodyId))
		.where(where)
		.orderBy(desc(papers.year), desc(papers.number))
		.limit(PAPERS_PAGE_SIZE)
		.offset((filter.page - 1) * PAPERS_PAGE_SIZE);
	return {
		items: rows.map((r) => listItem(r.paper, { types, def, locale: ctx.locale }, r)),
		total,
		page: filter.page,
		pageSize: PAPERS_PAGE_SIZE
	};
}

/** The most recent papers the actor sees, as choices for a parent paper. */
export async function recentPapers(ctx: TenantCtx) {
	const recent = await listPapers(ctx, paperFilter.parse({}));
	return recent.items.map((p) => ({ id: p.id, reference: p.reference, title: p.title }));
}

/** Upcoming meetings (from yesterday on, planned or invited) whose agenda the actor plans. */
export async function upcomingManagedMeetings(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	const rows = await ctx.db
		.select({
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt,
			bodyId: bodies.id,
			bodyName: bodies.name
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(
				eq(meetings.tenantId, tenantId),
				inArray(meetings.state, ['planned', 'invited']),
				gte(meetings.startsAt, new Date(Date.now() - 86_400_000))
			)
		)
		.orderBy(asc(meetings.startsAt))
		.limit(200);
	return rows.filter((m) => can(ctx.actor, 'meeting.manage', { tenantId, bodyId: m.bodyId }));
}

/** Upcoming meetings whose agenda the actor plans (for the papers start page). */
export async function myPlannableMeetings(ctx: TenantCtx) {
	authorize(ctx.actor, 'body.view', { tenantId: ctx.tenant.id });
	return (await upcomingManagedMeetings(ctx)).slice(0, 10);
}

/** The tenant's bodies that are not archived, by name. */
export async function activeBodies(db: Executor, tenantId: string) {
	return db
		.select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), sql`${bodies.archivedAt} IS NULL`))
		.orderBy(asc(bodies.name));
}

/** The papers page: the filtered list, the filter's choices and what the actor may do. */
export async function getPapersHome(ctx: TenantCtx, query: Record<string, string>) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const filter = paperFilter.parse(query);
	const [list, types, bodyOptions, meetingList, workflow] = await Promise.all([
		listPapers(ctx, filter),
		paperTypeOptions(ctx.db, tenantId, ctx.locale),
		activeBodies(ctx.db, tenantId),
		myPlannableMeetings(ctx),
		loadWorkflow(ctx.db, tenantId)
	]);
	return {
		filter,
		...list,
		hasMore: list.page * list.pageSize < list.total,
		types,
		bodies: bodyOptions,
		states: workflow.states.map((s) => ({
			key: s.key,
			label: stateLabel(workflow, s.key, ctx.locale)
		})),
		canCreate: canCreatePapers(ctx, bodyOptions),
		canSeeReports: can(ctx.actor, 'report.view', { tenantId }),
		canConfigure: can(ctx.actor, 'paper.manage', { tenantId }),
		meetings: meetingList
	};
}

/** Whether the actor may write papers: coordinators, or for one of the bodies. */
export function canCreatePapers(ctx: TenantCtx, bodyOptions: { id: string }[]) {
	const tenantId = ctx.tenant.id;
	return (
		can(ctx.actor, 'paper.create', { tenantId }) ||
		bodyOptions.some((b) => can(ctx.actor, 'paper.create', { tenantId, bodyId: b.id }))
	);
}
