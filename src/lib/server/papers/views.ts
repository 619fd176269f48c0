import { and, asc, count, desc, eq, gte, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { users } from '../auth/schema';
import { bodies } from '../bodies/schema';
import { organizations } from '../organizations/schema';
import { conceptMeasures } from '../concept/schema';
import { actionItems, agendaItems, files, meetings } from '../meetings/schema';
import { loadMeeting } from '../meetings/access';
import {
	consultations,
	instructions,
	paperAuthors,
	paperComments,
	paperFiles,
	paperLinks,
	paperRelations,
	papers,
	type Paper
} from './schema';
import {
	canEditPaper,
	canSeePaper,
	isPublicPaper,
	loadPaperContext,
	loadVisiblePaper,
	loadWorkflow,
	paperRoles
} from './access';
import { allowedTransitions, stateLabel } from './workflow';
import { renderMarkdown } from './markdown';
import { paperTypeOptions } from './types';
import { discussionBodyIds } from './service';
import { PAPERS_PAGE_SIZE, type PaperFilter } from './validation';

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

const originBody = alias(bodies, 'origin_body');
const addressedBody = alias(bodies, 'addressed_body');

/**
 * SQL condition for the papers the actor sees (as canSeePaper): everything for coordinators;
 * drafts of their bodies and their own; public and network papers; internal papers of bodies
 * they belong to.
 */
function visibleCondition(ctx: Ctx, tenantId: string): SQL | undefined {
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
	ctx: Ctx,
	tenantId: string,
	filter: PaperFilter
): Promise<{ items: PaperListItem[]; total: number; page: number; pageSize: number }> {
	authorize(ctx.actor, 'body.view', { tenantId });
	const def = await loadWorkflow(ctx.db, tenantId);
	const types = new Map(
		(await paperTypeOptions(ctx.db, tenantId, ctx.locale)).map((t) => [t.key, t.label])
	);
	const conds: (SQL | undefined)[] = [
		eq(papers.tenantId, tenantId),
		visibleCondition(ctx, tenantId)
	];
	if (filter.state) conds.push(eq(papers.state, filter.state));
	if (filter.type) conds.push(eq(papers.type, filter.type));
	if (filter.body)
		conds.push(
			or(eq(papers.originatingBodyId, filter.body), eq(papers.addressedBodyId, filter.body))
		);
	if (filter.q) {
		const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
		items: rows.map((r) => ({
			id: r.paper.id,
			reference: r.paper.reference,
			title: r.paper.title,
			typeLabel: types.get(r.paper.type) ?? r.paper.type,
			date: r.paper.date,
			state: r.paper.state,
			stateLabel: stateLabel(def, r.paper.state, ctx.locale),
			originatingBody: r.origin,
			addressedBody: r.addressed
		})),
		total,
		page: filter.page,
		pageSize: PAPERS_PAGE_SIZE
	};
}

/** Bodies of the tenant as options, and those the actor may write papers for. */
export async function paperFormOptions(ctx: Ctx, tenantId: string) {
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const allBodies = await ctx.db
		.select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), sql`${bodies.archivedAt} IS NULL`))
		.orderBy(asc(bodies.name));
	const isCoordinator = can(actor, 'paper.create', { tenantId });
	return {
		types: await paperTypeOptions(ctx.db, tenantId, ctx.locale),
		bodies: allBodies,
		originatingBodies: allBodies.filter(
			(b) => isCoordinator || can(actor, 'paper.create', { tenantId, bodyId: b.id })
		),
		/** may write papers without an originating body */
		canCreateWithoutBody: isCoordinator,
		canCreate:
			isCoordinator || allBodies.some((b) => can(actor, 'paper.create', { tenantId, bodyId: b.id }))
	};
}

export interface ConsultationView {
	id: string;
	meetingId: string;
	meetingTitle: string | null;
	meetingStartsAt: Date;
	bodyId: string;
	bodyName: string;
	role: string;
	agendaPosition: number | null;
	result: string | null;
	resultLabel: string | null;
	resultText: string | null;
	decidedAt: Date | null;
	canRecord: boolean;
}

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

async function instructionViews(db: Executor, where: SQL): Promise<InstructionView[]> {
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

/** Everything the paper page shows, and what the actor may do there. */
export async function getPaper(ctx: Ctx, tenantId: string, id: string) {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, id);
	const actor = ctx.actor!;
	const p = pc.paper;
	const def = await loadWorkflow(ctx.db, tenantId);
	const types = new Map(
		(await paperTypeOptions(ctx.db, tenantId, ctx.locale)).map((t) => [t.key, t.label])
	);
	const roles = paperRoles(actor, pc);
	const bodyRows = await ctx.db
		.select({ id: bodies.id, name: bodies.name })
		.from(bodies)
		.where(
			and(
				eq(bodies.tenantId, tenantId),
				inArray(
					bodies.id,
					[p.originatingBodyId, p.addressedBodyId]
						.filter((x): x is string => !!x)
						.concat(['00000000-0000-0000-0000-000000000000'])
				)
			)
		);
	const bodyName = (bid: string | null) => bodyRows.find((b) => b.id === bid)?.name ?? null;
	const authors = await ctx.db
		.select({ userId: paperAuthors.userId, name: paperAuthors.name, userName: users.name })
		.from(paperAuthors)
		.leftJoin(users, eq(users.id, paperAuthors.userId))
		.where(eq(paperAuthors.paperId, id))
		.orderBy(asc(paperAuthors.position));
	const attachments = await ctx.db
		.select({
			id: files.id,
			fileName: files.fileName,
			mediaType: files.mediaType,
			size: files.size
		})
		.from(paperFiles)
		.innerJoin(files, eq(files.id, paperFiles.fileId))
		.where(eq(paperFiles.paperId, id))
		.orderBy(asc(paperFiles.position));
	const parent = alias(papers, 'parent');
	const parents = await ctx.db
		.select({ id: parent.id, reference: parent.reference, title: parent.title, paper: parent })
		.from(paperRelations)
		.innerJoin(parent, eq(parent.id, paperRelations.parentPaperId))
		.where(eq(paperRelations.childPaperId, id));
	const child = alias(papers, 'child');
	const children = await ctx.db
		.select({ id: child.id, reference: child.reference, title: child.title })
		.from(paperRelations)
		.innerJoin(child, eq(child.id, paperRelations.childPaperId))
		.where(eq(paperRelations.parentPaperId, id))
		.orderBy(asc(child.year), asc(child.number));
	// related papers are listed only when the actor may see them
	const visibleRelated = async (list: { id: string; reference: string; title: string }[]) => {
		const out = [];
		for (const r of list) {
			const rc = await loadPaperContext(ctx.db, tenantId, r.id);
			if (rc && (await canSee(ctx, rc)))
				out.push({ id: r.id, reference: r.reference, title: r.title });
		}
		return out;
	};
	// measure links carry the measure's id when it still exists (for the link to its page)
	const links = await ctx.db
		.select({
			id: paperLinks.id,
			kind: paperLinks.kind,
			targetId: paperLinks.targetId,
			label: paperLinks.label,
			measureId: conceptMeasures.id
		})
		.from(paperLinks)
		.leftJoin(
			conceptMeasures,
			and(
				eq(paperLinks.kind, 'measure'),
				eq(conceptMeasures.id, paperLinks.targetId),
				eq(conceptMeasures.tenantId, tenantId)
			)
		)
		.where(eq(paperLinks.paperId, id))
		.orderBy(asc(paperLinks.createdAt));
	const consultationRows = await ctx.db
		.select({
			c: consultations,
			meeting: meetings,
			bodyName: bodies.name,
			position: agendaItems.position
		})
		.from(consultations)
		.innerJoin(meetings, eq(meetings.id, consultations.meetingId))
		.innerJoin(bodies, eq(bodies.id, consultations.bodyId))
		.leftJoin(agendaItems, eq(agendaItems.id, consultations.agendaItemId))
		.where(eq(consultations.paperId, id))
		.orderBy(asc(meetings.startsAt));
	const consultationViews: ConsultationView[] = consultationRows.map((r) => ({
		id: r.c.id,
		meetingId: r.meeting.id,
		meetingTitle: r.meeting.title,
		meetingStartsAt: r.meeting.startsAt,
		bodyId: r.c.bodyId,
		bodyName: r.bodyName,
		role: r.c.role,
		agendaPosition: r.position,
		result: r.c.result,
		resultLabel: r.c.result ? stateLabel(def, r.c.result, ctx.locale) : null,
		resultText: r.c.resultText,
		decidedAt: r.c.decidedAt,
		canRecord: !r.c.result && can(actor, 'meeting.manage', { tenantId, bodyId: r.c.bodyId })
	}));
	const transitions = allowedTransitions(def, p.state, roles).map((t) => ({
		...t,
		label: stateLabel(def, t.to, ctx.locale)
	}));
	// meetings the paper can be put on: upcoming meetings of bodies whose meetings the actor plans
	const canSchedule =
		transitions.some((t) => t.kind === 'schedule') ||
		(p.state === 'scheduled' && (roles.has('coordinator') || roles.has('addressee')));
	const meetingOptions = canSchedule ? await schedulableMeetings(ctx, tenantId, p) : [];
	// discussion threads of the bodies the actor belongs to
	const threads = [];
	for (const bodyId of discussionBodyIds(pc)) {
		if (!actor.bodyRoles?.[bodyId]) continue;
		const [b] = await ctx.db
			.select({ name: bodies.name })
			.from(bodies)
			.where(eq(bodies.id, bodyId));
		const comments = await ctx.db
			.select({
				id: paperComments.id,
				text: paperComments.text,
				createdAt: paperComments.createdAt,
				author: users.name
			})
			.from(paperComments)
			.leftJoin(users, eq(users.id, paperComments.authorId))
			.where(and(eq(paperComments.paperId, id), eq(paperComments.bodyId, bodyId)))
			.orderBy(asc(paperComments.createdAt));
		threads.push({ bodyId, bodyName: b?.name ?? '', comments });
	}
	return {
		paper: {
			id: p.id,
			reference: p.reference,
			type: p.type,
			typeLabel: types.get(p.type) ?? p.type,
			title: p.title,
			text: p.text,
			textHtml: renderMarkdown(p.text),
			date: p.date,
			state: p.state,
			stateLabel: stateLabel(def, p.state, ctx.locale),
			visibility: p.visibility,
			originatingBodyId: p.originatingBodyId,
			originatingBody: bodyName(p.originatingBodyId),
			addressedBodyId: p.addressedBodyId,
			addressedBody: bodyName(p.addressedBodyId),
			submittedAt: p.submittedAt,
			createdAt: p.createdAt,
			updatedAt: p.updatedAt,
			parentPaperId: parents[0]?.id ?? null
		},
		authors: authors.map((a) => ({ userId: a.userId, name: a.userName ?? a.name ?? '' })),
		attachments,
		parents: await visibleRelated(parents),
		children: await visibleRelated(children),
		links,
		consultations: consultationViews,
		instructions: await instructionViews(ctx.db, eq(instructions.paperId, id)),
		transitions: transitions.filter((t) => t.kind === 'button'),
		canSchedule,
		meetingOptions,
		canEdit: canEditPaper(actor, pc),
		threads
	};
}

async function canSee(ctx: Ctx, rc: Awaited<ReturnType<typeof loadPaperContext>>) {
	return !!rc && canSeePaper(ctx.actor, rc);
}

async function schedulableMeetings(ctx: Ctx, tenantId: string, p: Paper) {
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
	return rows
		.filter(
			(m) =>
				can(ctx.actor, 'meeting.manage', { tenantId, bodyId: m.bodyId }) &&
				(m.bodyId === p.addressedBodyId || can(ctx.actor, 'paper.manage', { tenantId }))
		)
		.sort((a, b) => Number(b.bodyId === p.addressedBodyId) - Number(a.bodyId === p.addressedBodyId))
		.map((m) => ({ id: m.id, bodyName: m.bodyName, title: m.title, startsAt: m.startsAt }));
}

/**
 * A meeting's papers: the consultations on its agenda (with their results) and, for those who plan
 * the meeting, the papers submitted to its body that wait for an agenda.
 */
export async function meetingPapers(ctx: Ctx, tenantId: string, meetingId: string) {
	const { meeting, body, canManage } = await loadMeeting(ctx, tenantId, meetingId);
	const def = await loadWorkflow(ctx.db, tenantId);
	const rows = await ctx.db
		.select({ c: consultations, paper: papers, position: agendaItems.position })
		.from(consultations)
		.innerJoin(papers, eq(papers.id, consultations.paperId))
		.leftJoin(agendaItems, eq(agendaItems.id, consultations.agendaItemId))
		.where(and(eq(consultations.tenantId, tenantId), eq(consultations.meetingId, meetingId)))
		.orderBy(asc(agendaItems.position));
	const onAgenda = [];
	for (const r of rows) {
		const pc = await loadPaperContext(ctx.db, tenantId, r.paper.id);
		if (!pc || !(await canSee(ctx, pc))) continue;
		onAgenda.push({
			consultationId: r.c.id,
			paperId: r.paper.id,
			reference: r.paper.reference,
			title: r.paper.title,
			textHtml: renderMarkdown(r.paper.text),
			role: r.c.role,
			position: r.position,
			result: r.c.result,
			resultLabel: r.c.result ? stateLabel(def, r.c.result, ctx.locale) : null,
			resultText: r.c.resultText,
			canRecord: canManage && !r.c.result
		});
	}
	let waiting: PaperListItem[] = [];
	if (canManage) {
		const waitingStates = def.transitions.filter((t) => t.to === 'scheduled').map((t) => t.from);
		const wrows = await ctx.db
			.select({ paper: papers, origin: originBody.name })
			.from(papers)
			.leftJoin(originBody, eq(originBody.id, papers.originatingBodyId))
			.where(
				and(
					eq(papers.tenantId, tenantId),
					eq(papers.addressedBodyId, body.id),
					waitingStates.length ? inArray(papers.state, waitingStates) : sql`false`
				)
			)
			.orderBy(asc(papers.submittedAt), asc(papers.year), asc(papers.number));
		const types = new Map(
			(await paperTypeOptions(ctx.db, tenantId, ctx.locale)).map((t) => [t.key, t.label])
		);
		waiting = wrows.map((r) => ({
			id: r.paper.id,
			reference: r.paper.reference,
			title: r.paper.title,
			typeLabel: types.get(r.paper.type) ?? r.paper.type,
			date: r.paper.date,
			state: r.paper.state,
			stateLabel: stateLabel(def, r.paper.state, ctx.locale),
			originatingBody: r.origin,
			addressedBody: body.name
		}));
	}
	const bodyOptions = await ctx.db
		.select({ id: bodies.id, name: bodies.name })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), sql`${bodies.archivedAt} IS NULL`))
		.orderBy(asc(bodies.name));
	const organizationOptions = canManage
		? await ctx.db
				.select({ id: organizations.id, name: organizations.name })
				.from(organizations)
				.where(eq(organizations.tenantId, tenantId))
				.orderBy(asc(organizations.name))
				.limit(500)
		: [];
	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt,
			state: meeting.state
		},
		body: { id: body.id, name: body.name },
		canManage,
		onAgenda,
		waiting,
		bodyOptions,
		organizationOptions
	};
}

/** Upcoming meetings whose agenda the actor plans (for the papers start page). */
export async function myPlannableMeetings(ctx: Ctx, tenantId: string) {
	authorize(ctx.actor, 'body.view', { tenantId });
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
	return rows
		.filter((m) => can(ctx.actor, 'meeting.manage', { tenantId, bodyId: m.bodyId }))
		.slice(0, 10);
}

/**
 * Instructions addressed to the bodies the actor belongs to (all of the tenant's for
 * coordinators), with the state of their action items.
 */
export async function myInstructions(ctx: Ctx, tenantId: string): Promise<InstructionView[]> {
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

/** Public papers of a tenant (not drafts), newest first. */
export async function listPublicPapers(db: Executor, tenantId: string, page = 1) {
	const def = await loadWorkflow(db, tenantId);
	const types = new Map((await paperTypeOptions(db, tenantId, 'de')).map((t) => [t.key, t.label]));
	const where = and(
		eq(papers.tenantId, tenantId),
		eq(papers.visibility, 'public'),
		ne(papers.state, 'draft')
	);
	const [{ total }] = await db.select({ total: count() }).from(papers).where(where);
	const rows = await db
		.select({ paper: papers, origin: originBody.name })
		.from(papers)
		.leftJoin(originBody, eq(originBody.id, papers.originatingBodyId))
		.where(where)
		.orderBy(desc(papers.year), desc(papers.number))
		.limit(PAPERS_PAGE_SIZE)
		.offset((page - 1) * PAPERS_PAGE_SIZE);
	return {
		total,
		page,
		pageSize: PAPERS_PAGE_SIZE,
		items: rows.map((r) => ({
			id: r.paper.id,
			reference: r.paper.reference,
			title: r.paper.title,
			type: r.paper.type,
			typeLabel: types.get(r.paper.type) ?? r.paper.type,
			date: r.paper.date,
			state: r.paper.state,
			stateLabel: {
				de: stateLabel(def, r.paper.state, 'de'),
				en: stateLabel(def, r.paper.state, 'en')
			},
			originatingBody: r.origin
		}))
	};
}

/** A public paper with its public consultations and attachments; null when not public. */
export async function getPublicPaper(db: Executor, tenantId: string, id: string, locale: string) {
	const pc = await loadPaperContext(db, tenantId, id);
	if (!pc || !isPublicPaper(pc.paper)) return null;
	const p = pc.paper;
	const def = await loadWorkflow(db, tenantId);
	const types = new Map(
		(await paperTypeOptions(db, tenantId, locale)).map((t) => [t.key, t.label])
	);
	const [origin] = p.originatingBodyId
		? await db
				.select({ name: bodies.name, visibility: bodies.visibility })
				.from(bodies)
				.where(eq(bodies.id, p.originatingBodyId))
		: [];
	const cons = await db
		.select({
			c: consultations,
			startsAt: meetings.startsAt,
			bodyName: bodies.name,
			visibility: bodies.visibility,
			itemPublic: agendaItems.isPublic
		})
		.from(consultations)
		.innerJoin(meetings, eq(meetings.id, consultations.meetingId))
		.innerJoin(bodies, eq(bodies.id, consultations.bodyId))
		.leftJoin(agendaItems, eq(agendaItems.id, consultations.agendaItemId))
		.where(eq(consultations.paperId, id))
		.orderBy(asc(meetings.startsAt));
	const attachments = await db
		.select({ id: files.id, fileName: files.fileName, size: files.size })
		.from(paperFiles)
		.innerJoin(files, eq(files.id, paperFiles.fileId))
		.where(eq(paperFiles.paperId, id))
		.orderBy(asc(paperFiles.position));
	return {
		id: p.id,
		reference: p.reference,
		title: p.title,
		typeLabel: types.get(p.type) ?? p.type,
		date: p.date,
		stateLabel: stateLabel(def, p.state, locale),
		textHtml: renderMarkdown(p.text),
		originatingBody: origin && origin.visibility === 'public' ? origin.name : null,
		consultations: cons
			.filter((c) => c.itemPublic !== false)
			.map((c) => ({
				id: c.c.id,
				startsAt: c.startsAt,
				bodyName: c.visibility === 'public' ? c.bodyName : null,
				role: c.c.role,
				resultLabel: c.c.result ? stateLabel(def, c.c.result, locale) : null,
				resultText: c.c.resultText
			})),
		attachments,
		updatedAt: p.updatedAt
	};
}
