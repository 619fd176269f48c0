import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	createRecommendation,
	deleteRecommendation,
	unlinkContribution,
	updateRecommendation
} from '$lib/server/participation/recommendations';
import {
	setRecommendationOutcome,
	turnRecommendationIntoMeasure,
	turnRecommendationIntoNeed
} from '$lib/server/participation/outcomes';
import { recommendationsPage } from '$lib/server/participation/pages';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() =>
		recommendationsPage(ctx, {
			processId: event.params.id,
			// contributions chosen on the contributions page for a new recommendation
			chosenIds: event.url.searchParams.getAll('contributionIds')
		})
	);
	return { tenant: ctx.tenant, ...page };
};

export const actions: Actions = {
	create: formAction(createRecommendation, {
		lists: ['contributionIds'],
		input: ({ values, params }) => {
			// sent back with errors: the page reopens the new-recommendation form by it
			values.createForm = '1';
			return { ...values, processId: params.id };
		},
		onSuccess: (_, { values }) => ({
			success: m.participation_recommendation_created({ title: str(values.title) })
		})
	}),
	update: formAction(updateRecommendation, {
		lists: ['contributionIds'],
		input: ({ values, params }) => {
			values.editId = str(values.id);
			return { ...values, processId: params.id, recommendationId: values.id };
		},
		onSuccess: () => ({ success: m.participation_saved() })
	}),
	outcome: formAction(setRecommendationOutcome, {
		input: ({ values, params }) => ({
			processId: params.id,
			recommendationId: values.id,
			kind: values.kind,
			note: values.note
		}),
		onSuccess: () => ({ success: m.participation_outcome_saved() })
	}),
	need: formAction(turnRecommendationIntoNeed, {
		input: ({ values, params }) => ({
			processId: params.id,
			recommendationId: values.id,
			urgency: values.urgency,
			note: values.note
		}),
		onSuccess: ({ needId }) => ({ success: m.participation_need_created(), needId })
	}),
	measure: formAction(turnRecommendationIntoMeasure, {
		input: ({ values, params }) => {
			// sent back with errors: the page reopens this recommendation's measure form by it
			values.measureForm = str(values.id);
			return { ...values, processId: params.id, recommendationId: values.id };
		},
		onSuccess: ({ measureId }) => ({ success: m.participation_measure_done(), measureId })
	}),
	unlink: formAction(unlinkContribution, {
		input: ({ values, params }) => ({
			processId: params.id,
			recommendationId: values.id,
			contributionId: values.contributionId
		}),
		onSuccess: () => ({ success: m.participation_unlinked() })
	}),
	delete: formAction(deleteRecommendation, {
		input: ({ values, params }) => ({ processId: params.id, recommendationId: values.id }),
		onSuccess: () => ({ success: m.participation_recommendation_deleted() })
	})
};
