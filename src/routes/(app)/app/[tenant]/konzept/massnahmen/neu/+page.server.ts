import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { editionForPage, measureFormOptions } from '$lib/server/concept/views';
import { createMeasure } from '$lib/server/concept/measures';
import { TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant, formValues } from '../../_shared';

const LISTS = ['responsibleOrganizationIds', 'targetGroups', 'municipalityIds'];

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event, 'concept.manage');
	const ctx = event.locals.ctx;
	const edition = await orNotFound(() =>
		editionForPage(ctx, tenant.id, event.url.searchParams.get('ausgabe'))
	);
	if (!edition || edition.state === 'superseded') error(404, m.error_not_found());
	const options = await measureFormOptions(ctx.db, tenant.id, edition.id, ctx.locale);
	return { edition, ...options, targetGroups: TARGET_GROUPS };
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = formValues(await event.request.formData(), LISTS);
		const editionId = String(values.editionId ?? '');
		const result = await runAction(values, () =>
			createMeasure(event.locals.ctx, tenant.id, editionId, values)
		);
		if (!('id' in result)) return fail(result.status, result.data);
		redirect(303, `/app/${tenant.slug}/konzept/massnahmen/${result.id}`);
	}
};
