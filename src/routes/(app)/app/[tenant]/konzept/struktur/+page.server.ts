import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { updateEdition } from '$lib/server/concept/editions';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { can } from '$lib/server/auth/policy';
import { meetings } from '$lib/server/meetings/schema';
import { formatBerlinDateTime } from '$lib/server/transfer/time';
import {
	addGuidingQuestionToAgenda,
	addGuidingQuestion,
	createGoal,
	createGuideline,
	updateGuideline,
	workingGroupsOf
} from '$lib/server/concept/structure';
import { editionForPage, getConceptTree } from '$lib/server/concept/views';
import { fieldsOfActionOf } from '$lib/server/fields-of-action/service';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant, today } from '../_shared';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const edition = await orNotFound(() =>
		editionForPage(ctx, tenant.id, event.url.searchParams.get('ausgabe'))
	);
	if (!edition) return { edition: null, tree: null, fields: [], groups: [], meetingsByBody: {} };
	const [tree, fields, groups] = await Promise.all([
		getConceptTree(ctx, tenant.id, edition, today()),
		fieldsOfActionOf(ctx.db, tenant.id, ctx.locale),
		workingGroupsOf(ctx, tenant.id)
	]);
	// upcoming meetings of the bodies with guiding questions, where the actor plans the meetings
	const bodyIds = [
		...new Set(tree.guidelines.flatMap((g) => g.questions.map((q) => q.bodyId)))
	].filter((bodyId) => can(ctx.actor, 'meeting.manage', { tenantId: tenant.id, bodyId }));
	const upcoming = bodyIds.length
		? await ctx.db
				.select({
					id: meetings.id,
					bodyId: meetings.bodyId,
					startsAt: meetings.startsAt,
					title: meetings.title
				})
				.from(meetings)
				.where(
					and(
						eq(meetings.tenantId, tenant.id),
						inArray(meetings.bodyId, bodyIds),
						inArray(meetings.state, ['planned', 'invited']),
						gte(meetings.startsAt, new Date())
					)
				)
				.orderBy(asc(meetings.startsAt))
				.limit(50)
		: [];
	const meetingsByBody: Record<string, { id: string; name: string }[]> = {};
	for (const mt of upcoming)
		(meetingsByBody[mt.bodyId] ??= []).push({
			id: mt.id,
			name: `${formatBerlinDateTime(mt.startsAt)}${mt.title ? ` – ${mt.title}` : ''}`
		});
	return { edition, tree, fields, groups, meetingsByBody };
};

async function act(
	event: Parameters<Actions[string]>[0],
	action: string,
	fn: (tenantId: string, values: Record<string, string>) => Promise<unknown>,
	success: () => string
) {
	const { tenant } = await conceptTenant(event, 'concept.manage');
	const values = keepValues(await event.request.formData());
	const result = await runAction(values, async () => {
		await fn(tenant.id, values);
		return { ok: true as const };
	});
	if (!('ok' in result))
		return fail(result.status, { ...result.data, action, target: values.target });
	return { success: success(), action };
}

export const actions: Actions = {
	toAgenda: async (event) => {
		const { tenant } = await conceptTenant(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await addGuidingQuestionToAgenda(
				event.locals.ctx,
				tenant.id,
				values.meetingId ?? '',
				values.questionId ?? ''
			);
			return { ok: true as const };
		});
		if (!('ok' in result))
			return fail(result.status, { ...result.data, action: 'toAgenda', target: values.questionId });
		return { success: m.concept_question_on_agenda(), action: 'toAgenda' };
	},
	edition: (event) =>
		act(
			event,
			'edition',
			(t, v) => updateEdition(event.locals.ctx, t, v.editionId ?? '', v),
			m.concept_saved
		),
	guideline: (event) =>
		act(
			event,
			'guideline',
			(t, v) => createGuideline(event.locals.ctx, t, v.editionId ?? '', v),
			m.concept_guideline_added
		),
	editGuideline: (event) =>
		act(
			event,
			'editGuideline',
			(t, v) => updateGuideline(event.locals.ctx, t, v.target ?? '', v),
			m.concept_saved
		),
	question: (event) =>
		act(
			event,
			'question',
			(t, v) => addGuidingQuestion(event.locals.ctx, t, v),
			m.concept_question_added
		),
	goal: (event) =>
		act(
			event,
			'goal',
			(t, v) => createGoal(event.locals.ctx, t, v.editionId ?? '', v),
			m.concept_goal_added
		)
};
