/** Guidelines, guiding questions and goals of an edition. */
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { appendAgendaItemInTx } from '../meetings/agenda-items';
import { canSeeBody } from '../bodies/access';
import { berlinDateOf, berlinTimeOf, isUuid, nextPosition, requireUuid } from '../shared';
import {
	conceptEditions,
	conceptGoals,
	conceptGuidelines,
	conceptGuidingQuestions
} from './schema';
import { editableEdition } from './editions';
import {
	goalInput,
	guidelineInput,
	guidingQuestionInput,
	parseOrThrow,
	type Input
} from './validation';
import { tenantBody, tenantField } from './refs';

export async function createGuideline(
	ctx: TenantCtx,
	input: Input & { editionId: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const editionId = requireUuid(input.editionId);
	const data = parseOrThrow(guidelineInput, input);
	return ctx.db.transaction(async (tx) => {
		await editableEdition(tx, tenantId, editionId);
		const position = await nextPosition(
			tx,
			conceptGuidelines.position,
			and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, editionId))
		);
		const [row] = await tx
			.insert(conceptGuidelines)
			.values({
				tenantId,
				editionId,
				position,
				title: data.title,
				explanation: data.explanation ?? null
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.guideline_create',
			entityType: 'concept_guideline',
			entityId: row.id,
			after: { name: row.title, explanation: row.explanation }
		});
		return { id: row.id };
	});
}

async function guidelineOf(tx: Executor, tenantId: string, id: unknown) {
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await tx
		.select()
		.from(conceptGuidelines)
		.where(and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.id, id)));
	if (!row) throw new NotFoundError();
	await editableEdition(tx, tenantId, row.editionId);
	return row;
}

export async function updateGuideline(ctx: TenantCtx, input: Input & { guidelineId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const id = requireUuid(input.guidelineId);
	const data = parseOrThrow(guidelineInput, input);
	await ctx.db.transaction(async (tx) => {
		const before = await guidelineOf(tx, tenantId, id);
		await tx
			.update(conceptGuidelines)
			.set({ title: data.title, explanation: data.explanation ?? null })
			.where(and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.guideline_update',
			entityType: 'concept_guideline',
			entityId: id,
			before: { name: before.title, explanation: before.explanation },
			after: { name: data.title, explanation: data.explanation ?? null }
		});
	});
}

/** A guiding question of a guideline for one working group (a body of the tenant). */
export async function addGuidingQuestion(ctx: TenantCtx, input: Input) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(guidingQuestionInput, input);
	return ctx.db.transaction(async (tx) => {
		const guideline = await guidelineOf(tx, tenantId, data.guidelineId);
		const body = await tenantBody(tx, tenantId, data.bodyId);
		const position = await nextPosition(
			tx,
			conceptGuidingQuestions.position,
			eq(conceptGuidingQuestions.guidelineId, guideline.id)
		);
		const [row] = await tx
			.insert(conceptGuidingQuestions)
			.values({
				tenantId,
				guidelineId: guideline.id,
				bodyId: body.id,
				position,
				question: data.question
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.question_create',
			entityType: 'concept_guideline',
			entityId: guideline.id,
			after: { name: guideline.title, question: row.question, bodyId: row.bodyId }
		});
		return { id: row.id };
	});
}

export interface GuidingQuestionView {
	id: string;
	question: string;
	guidelineId: string;
	guideline: string;
	editionTitle: string;
}

/**
 * The guiding questions for a working group, from the edition the network works with (the
 * newest draft, else the adopted one), in guideline order. For the body's page: the caller has
 * checked that the actor may see the body; nothing internal is in here.
 */
export async function guidingQuestionsForBody(
	db: Executor,
	tenantId: string,
	bodyId: string
): Promise<GuidingQuestionView[]> {
	if (!isUuid(bodyId)) return [];
	const rows = await db
		.select({
			id: conceptGuidingQuestions.id,
			question: conceptGuidingQuestions.question,
			guidelineId: conceptGuidelines.id,
			guideline: conceptGuidelines.title,
			editionId: conceptEditions.id,
			editionTitle: conceptEditions.title,
			editionState: conceptEditions.state,
			editionCreated: conceptEditions.createdAt
		})
		.from(conceptGuidingQuestions)
		.innerJoin(conceptGuidelines, eq(conceptGuidelines.id, conceptGuidingQuestions.guidelineId))
		.innerJoin(conceptEditions, eq(conceptEditions.id, conceptGuidelines.editionId))
		.where(
			and(
				eq(conceptGuidingQuestions.tenantId, tenantId),
				eq(conceptGuidingQuestions.bodyId, bodyId)
			)
		)
		.orderBy(asc(conceptGuidelines.position), asc(conceptGuidingQuestions.position));
	const editions = [...new Map(rows.map((r) => [r.editionId, r])).values()].filter(
		(r) => r.editionState !== 'superseded'
	);
	const chosen =
		editions
			.filter((e) => e.editionState === 'draft')
			.sort((a, b) => +b.editionCreated - +a.editionCreated)[0] ??
		editions.find((e) => e.editionState === 'adopted');
	if (!chosen) return [];
	return rows
		.filter((r) => r.editionId === chosen.editionId)
		.map((r) => ({
			id: r.id,
			question: r.question,
			guidelineId: r.guidelineId,
			guideline: r.guideline,
			editionTitle: r.editionTitle
		}));
}

/** Guiding questions of one guideline, as the body and meeting pages show them. */
export interface GuidingQuestionGroup {
	guidelineId: string;
	guideline: string;
	editionTitle: string;
	questions: { id: string; question: string }[];
}

/** The guiding questions for a working group, grouped by their guideline (in its order). */
export async function guidingQuestionGroupsForBody(
	db: Executor,
	tenantId: string,
	bodyId: string
): Promise<GuidingQuestionGroup[]> {
	const groups = new Map<string, GuidingQuestionGroup>();
	for (const q of await guidingQuestionsForBody(db, tenantId, bodyId)) {
		let group = groups.get(q.guidelineId);
		if (!group) {
			group = {
				guidelineId: q.guidelineId,
				guideline: q.guideline,
				editionTitle: q.editionTitle,
				questions: []
			};
			groups.set(q.guidelineId, group);
		}
		group.questions.push({ id: q.id, question: q.question });
	}
	return [...groups.values()];
}

/**
 * Puts a guiding question on a meeting's agenda, as the last item (position = max + 1). Allowed
 * to whoever may plan the meetings of the meeting's body; the question must belong to the tenant.
 */
export async function addGuidingQuestionToAgenda(
	ctx: TenantCtx,
	input: { meetingId: string; questionId?: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const meetingId = requireUuid(input.meetingId);
	const [meeting] = await ctx.db
		.select({
			id: meetings.id,
			bodyId: meetings.bodyId,
			state: meetings.state,
			minutesState: meetings.minutesState
		})
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	if (!meeting) throw new NotFoundError();
	authorize(ctx.actor, 'meeting.manage', { tenantId, bodyId: meeting.bodyId });
	// the meeting page's select: nothing chosen is a field error, a forged id a 404
	if (typeof input.questionId !== 'string' || input.questionId === '')
		throw new ValidationError({ questionId: 'meetings_error_question_required' });
	const questionId = requireUuid(input.questionId);
	const [q] = await ctx.db
		.select({
			question: conceptGuidingQuestions.question,
			guideline: conceptGuidelines.title
		})
		.from(conceptGuidingQuestions)
		.innerJoin(conceptGuidelines, eq(conceptGuidelines.id, conceptGuidingQuestions.guidelineId))
		.where(
			and(
				eq(conceptGuidingQuestions.tenantId, tenantId),
				eq(conceptGuidingQuestions.id, questionId),
				// only the questions the concept asks of this meeting's body
				eq(conceptGuidingQuestions.bodyId, meeting.bodyId)
			)
		);
	if (!q) throw new NotFoundError();
	if (
		meeting.state === 'cancelled' ||
		meeting.state === 'held' ||
		meeting.minutesState === 'approved' ||
		meeting.minutesState === 'published'
	)
		throw new ValidationError({ form: 'concept_error_meeting_closed' });
	return ctx.db.transaction(async (tx) => {
		const row = await appendAgendaItemInTx(tx, tenantId, meeting.id, {
			title: q.question,
			description: q.guideline,
			isPublic: true
		});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.question_to_agenda',
			entityType: 'meeting',
			entityId: meeting.id,
			after: { name: q.question, position: row.position }
		});
		return { id: row.id };
	});
}

export async function createGoal(
	ctx: TenantCtx,
	input: Input & { editionId: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const editionId = requireUuid(input.editionId);
	const data = parseOrThrow(goalInput, input);
	return ctx.db.transaction(async (tx) => {
		await editableEdition(tx, tenantId, editionId);
		const field = await tenantField(tx, tenantId, data.fieldOfActionId);
		const position = await nextPosition(
			tx,
			conceptGoals.position,
			and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, editionId))
		);
		const [row] = await tx
			.insert(conceptGoals)
			.values({
				tenantId,
				editionId,
				fieldOfActionId: field.id,
				position,
				title: data.title,
				description: data.description ?? null
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.goal_create',
			entityType: 'concept_goal',
			entityId: row.id,
			after: { name: row.title, description: row.description }
		});
		return { id: row.id };
	});
}

export async function updateGoal(ctx: TenantCtx, input: Input & { goalId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const id = requireUuid(input.goalId);
	const data = parseOrThrow(goalInput, input);
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(conceptGoals)
			.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.id, id)));
		if (!before) throw new NotFoundError();
		await editableEdition(tx, tenantId, before.editionId);
		const field = await tenantField(tx, tenantId, data.fieldOfActionId);
		await tx
			.update(conceptGoals)
			.set({ title: data.title, description: data.description ?? null, fieldOfActionId: field.id })
			.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.goal_update',
			entityType: 'concept_goal',
			entityId: id,
			before: { name: before.title, description: before.description },
			after: { name: data.title, description: data.description ?? null }
		});
	});
}

/** Bodies a guiding question can be given to: the tenant's working groups the actor can see. */
export async function workingGroupsOf(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const rows = await ctx.db
		.select({
			id: bodies.id,
			tenantId: bodies.tenantId,
			name: bodies.name,
			shortName: bodies.shortName,
			kind: bodies.kind,
			visibility: bodies.visibility
		})
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), isNull(bodies.archivedAt)))
		.orderBy(asc(bodies.name));
	return rows
		.filter((b) => b.kind !== 'network' && canSeeBody(ctx.actor, b))
		.map((b) => ({ id: b.id, name: b.shortName ?? b.name, kind: b.kind }));
}

/**
 * Upcoming meetings (planned or invited) of the given bodies where the actor plans the meetings,
 * as options per body: where a guiding question can be put on the agenda.
 */
export async function agendaTargets(
	ctx: TenantCtx,
	bodyIds: string[]
): Promise<Record<string, { id: string; name: string }[]>> {
	const tenantId = ctx.tenant.id;
	const planned = [...new Set(bodyIds)].filter((bodyId) =>
		can(ctx.actor, 'meeting.manage', { tenantId, bodyId })
	);
	if (!planned.length) return {};
	const upcoming = await ctx.db
		.select({
			id: meetings.id,
			bodyId: meetings.bodyId,
			startsAt: meetings.startsAt,
			title: meetings.title
		})
		.from(meetings)
		.where(
			and(
				eq(meetings.tenantId, tenantId),
				inArray(meetings.bodyId, planned),
				inArray(meetings.state, ['planned', 'invited']),
				gte(meetings.startsAt, new Date())
			)
		)
		.orderBy(asc(meetings.startsAt))
		.limit(50);
	const byBody: Record<string, { id: string; name: string }[]> = {};
	for (const mt of upcoming)
		(byBody[mt.bodyId] ??= []).push({
			id: mt.id,
			name: `${berlinDateOf(mt.startsAt)} ${berlinTimeOf(mt.startsAt)}${mt.title ? ` – ${mt.title}` : ''}`
		});
	return byBody;
}
