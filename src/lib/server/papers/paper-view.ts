/** The paper page of the signed-in area. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../context';
import { can } from '../auth/policy';
import { users } from '../auth/schema';
import { bodies } from '../bodies/schema';
import { conceptMeasures } from '../concept/schema';
import { files } from '../meetings/schema';
import {
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
	discussionBodyIds,
	loadPaperContext,
	loadVisiblePaper,
	loadWorkflow,
	paperRoles
} from './access';
import { allowedTransitions, stateLabel } from './workflow';
import { renderMarkdown } from './markdown';
import { typeLabels, upcomingManagedMeetings } from './list-view';
import { instructionViews } from './instructions-view';
import { consultationRows } from './consultation-rows';
import { requireUuid } from '../shared';

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

/** Everything the paper page shows, and what the actor may do there. */
export async function getPaper(ctx: TenantCtx, input: { paperId: string }) {
	const tenantId = ctx.tenant.id;
	const id = requireUuid(input.paperId);
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, id);
	const actor = ctx.actor!;
	const p = pc.paper;
	const def = await loadWorkflow(ctx.db, tenantId);
	const types = await typeLabels(ctx.db, tenantId, ctx.locale);
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
			if (rc && canSeePaper(ctx.actor, rc))
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
	const rows = await consultationRows(ctx.db, id);
	const consultationViews: ConsultationView[] = rows.map((r) => ({
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
	const meetingOptions = canSchedule ? await schedulableMeetings(ctx, p) : [];
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

/** Meetings the paper can be put on, those of the addressed body first. */
async function schedulableMeetings(ctx: TenantCtx, p: Paper) {
	const tenantId = ctx.tenant.id;
	return (await upcomingManagedMeetings(ctx))
		.filter((m) => m.bodyId === p.addressedBodyId || can(ctx.actor, 'paper.manage', { tenantId }))
		.sort((a, b) => Number(b.bodyId === p.addressedBodyId) - Number(a.bodyId === p.addressedBodyId))
		.map((m) => ({ id: m.id, bodyName: m.bodyName, title: m.title, startsAt: m.startsAt }));
}
