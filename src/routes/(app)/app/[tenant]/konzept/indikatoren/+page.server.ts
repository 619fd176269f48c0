import type { Actions, PageServerLoad } from './$types';
import { listIndicators } from '$lib/server/concept/indicators';
import { adoptLibraryIndicators, INDICATOR_LIBRARY } from '$lib/server/concept/indicator-library';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const list = await orNotFound(() => listIndicators(ctx));
	const adopted = new Set(list.map((i) => i.indicator.libraryKey));
	return {
		indicators: list.map((i) => ({
			indicator: {
				id: i.indicator.id,
				name: i.indicator.name,
				unit: i.indicator.unit,
				targetValue: i.indicator.targetValue,
				targetDate: i.indicator.targetDate,
				direction: i.indicator.direction,
				isPublic: i.indicator.isPublic
			},
			trend: { latest: i.trend.latest, status: i.trend.status },
			hasDemo: i.hasDemo
		})),
		library: INDICATOR_LIBRARY.filter((l) => !adopted.has(l.key))
	};
};

export const actions: Actions = {
	adopt: formAction(adoptLibraryIndicators, {
		lists: ['keys'],
		input: ({ values }) => ({ keys: values.keys }),
		onSuccess: (count) => ({ success: m.concept_library_adopted({ count }) })
	})
};
