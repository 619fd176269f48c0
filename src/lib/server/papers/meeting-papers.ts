/** The papers of a meeting: on its agenda, and waiting for one. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { organizations } from '../organizations/schema';
import { agendaItems } from '../meetings/schema';
import { loadMeeting } from '../meetings/access';
import { consultations, papers } from './schema';
import { canSeePaper, loadPaperContext, loadWorkflow } from './access';
import { stateLabel } from './workflow';
import { renderMarkdown } from './markdown';
import { activeBodies, listItem, originBody, typeLabels, type PaperListItem } from './list-view';
import { requireUuid } from '../shared';

/**
 * A meeting's papers: the consultations on its agenda (with their results) and, for those who plan
 * the meeting, the papers submitted to its body that wait for an agenda.
 */
export async function meetingPapers(ctx: TenantCtx, input: { meetingId: string }) {
	const tenantId = ctx.tenant.id;
	const meetingId = requireUuid(input.meetingId);
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
		if (!pc || !canSeePaper(ctx.actor, pc)) continue;
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
		const types = await typeLabels(ctx.db, tenantId, ctx.locale);
		waiting = wrows.map((r) =>
			listItem(
				r.paper,
				{ types, def, locale: ctx.locale },
				{ origin: r.origin, addressed: body.name }
			)
		);
	}
	const bodyOptions = (await activeBodies(ctx.db, tenantId)).map((b) => ({
		id: b.id,
		name: b.name
	}));
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
