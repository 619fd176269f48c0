import type { Actions, PageServerLoad } from './$types';
import { updateEdition } from '$lib/server/concept/editions';
import {
	addGuidingQuestion,
	addGuidingQuestionToAgenda,
	createGoal,
	createGuideline,
	updateGuideline
} from '$lib/server/concept/structure';
import { getStructurePage } from '$lib/server/concept/pages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return orNotFound(() =>
		getStructurePage(ctx, { editionId: event.url.searchParams.get('ausgabe') })
	);
};

/** The page has one form per part; `action` names the one that succeeded. */
const done = (action: string, message: () => string) => () => ({ success: message(), action });

export const actions: Actions = {
	toAgenda: formAction(addGuidingQuestionToAgenda, {
		form: 'toAgenda',
		input: ({ values }) => ({
			meetingId: str(values.meetingId),
			questionId: str(values.questionId)
		}),
		onSuccess: done('toAgenda', m.concept_question_on_agenda)
	}),
	edition: formAction(updateEdition, {
		form: 'edition',
		input: ({ values }) => ({ ...values, editionId: str(values.editionId) }),
		onSuccess: done('edition', m.concept_saved)
	}),
	guideline: formAction(createGuideline, {
		form: 'guideline',
		input: ({ values }) => ({ ...values, editionId: str(values.editionId) }),
		onSuccess: done('guideline', m.concept_guideline_added)
	}),
	editGuideline: formAction(updateGuideline, {
		form: 'editGuideline',
		input: ({ values }) => ({ ...values, guidelineId: str(values.target) }),
		onSuccess: done('editGuideline', m.concept_saved)
	}),
	question: formAction(addGuidingQuestion, {
		form: 'question',
		onSuccess: done('question', m.concept_question_added)
	}),
	goal: formAction(createGoal, {
		form: 'goal',
		input: ({ values }) => ({ ...values, editionId: str(values.editionId) }),
		onSuccess: done('goal', m.concept_goal_added)
	})
};
