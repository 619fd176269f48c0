import type { Actions, PageServerLoad } from './$types';
import {
	adoptPrioritised,
	allocatePoints,
	closeRound,
	getRound,
	pointsOf
} from '$lib/server/concept/prioritisation';
import { barChart } from '$lib/server/concept/charts';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const view = await orNotFound(() => getRound(ctx, { roundId: event.params.id }));
	const chart = barChart({
		id: 'round-chart',
		title: m.concept_round_chart_title({ round: view.round.title }),
		description: view.ranking.map((r) => `${r.rank}. ${r.title}: ${r.points}`).join('; '),
		bars: view.ranking.map((r) => ({ label: r.title, value: r.points })),
		locale: ctx.locale
	});
	return { view, chart };
};

export const actions: Actions = {
	allocate: formAction(allocatePoints, {
		form: 'allocate',
		input: ({ values, params }) => ({ roundId: params.id, points: pointsOf(values) }),
		onSuccess: () => ({ success: m.concept_points_saved(), action: 'allocate' })
	}),
	toggle: formAction(closeRound, {
		input: ({ params }) => ({ roundId: params.id }),
		onSuccess: () => ({ success: m.concept_saved() })
	}),
	adopt: formAction(adoptPrioritised, {
		form: 'adopt',
		lists: ['measureIds'],
		input: ({ values, params }) => ({ roundId: params.id, measureIds: values.measureIds }),
		onSuccess: (count) => ({ success: m.concept_adopted_measures({ count }), action: 'adopt' })
	})
};
