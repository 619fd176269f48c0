import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { updateEdition } from '$lib/server/concept/editions';
import {
	addGuidingQuestion,
	createGoal,
	createGuideline,
	updateGuideline,
	workingGroupsOf
} from '$lib/server/concept/structure';
import { editionForPage, getConceptTree } from '$lib/server/concept/views';
import { fieldsOfActionOf } from '$lib/server/fields-of-action/service';
import { keepValues, orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant, today } from '../_shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const edition = await orNotFound(() =>
		editionForPage(ctx, tenant.id, event.url.searchParams.get('ausgabe'))
	);
	if (!edition) return { edition: null, tree: null, fields: [], groups: [] };
	const [tree, fields, groups] = await Promise.all([
		getConceptTree(ctx, tenant.id, edition, today()),
		fieldsOfActionOf(ctx.db, tenant.id, ctx.locale),
		workingGroupsOf(ctx, tenant.id)
	]);
	return { edition, tree, fields, groups };
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
