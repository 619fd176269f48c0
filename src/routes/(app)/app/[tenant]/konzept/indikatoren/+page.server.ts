import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import {
	adoptLibraryIndicators,
	INDICATOR_LIBRARY,
	listIndicators
} from '$lib/server/concept/indicators';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant, formValues } from '../_shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const list = await orNotFound(() => listIndicators(event.locals.ctx, tenant.id));
	const adopted = new Set(list.map((i) => i.indicator.libraryKey));
	return {
		indicators: list.map((i) => ({
			id: i.indicator.id,
			name: i.indicator.name,
			unit: i.indicator.unit,
			latest: i.trend.latest,
			targetValue: i.indicator.targetValue,
			targetDate: i.indicator.targetDate,
			status: i.trend.status,
			hasDemo: i.hasDemo,
			isPublic: i.indicator.isPublic
		})),
		library: INDICATOR_LIBRARY.filter((l) => !adopted.has(l.key))
	};
};

export const actions: Actions = {
	adopt: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = formValues(await event.request.formData(), ['keys']);
		const result = await runAction(values, () =>
			adoptLibraryIndicators(event.locals.ctx, tenant.id, values.keys as string[])
		);
		if (typeof result !== 'number') return fail(result.status, result.data);
		return { success: m.concept_library_adopted({ count: result }) };
	}
};
