import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { newMeasureForm } from '$lib/server/concept/pages';
import { createMeasure } from '$lib/server/concept/measures';
import { TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const form = await orNotFound(() =>
		newMeasureForm(ctx, { editionId: event.url.searchParams.get('ausgabe') })
	);
	return { ...form, targetGroups: TARGET_GROUPS };
};

export const actions: Actions = {
	save: formAction(createMeasure, {
		lists: ['responsibleOrganizationIds', 'targetGroups', 'municipalityIds'],
		input: ({ values }) => ({ ...values, editionId: str(values.editionId) }),
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/konzept/massnahmen/${id}`)
	})
};
