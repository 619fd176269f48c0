import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/auth/policy';
import { orNotFound, runAction } from '$lib/server/http';
import {
	createOrganization,
	listOrganizationTypes,
	municipalitiesOf
} from '$lib/server/organizations/organizations';
import {
	FURTHER_LOCALES,
	ORGANIZATION_LIST_FIELDS,
	organizationInputFromForm
} from '$lib/server/organizations/validation';
import { organizationFormValues } from '$lib/server/organizations/state';
import { SPOKEN_LANGUAGES } from '$lib/server/offers/vocabulary';
import { tenantFor } from '../../angebote/_shared/forms.server';
import { formValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { actor, tenant } = await tenantFor(event);
	await orNotFound(async () => authorize(actor, 'organization.manage', { tenantId: tenant.id }));
	const ctx = event.locals.ctx;
	const [types, municipalities] = await Promise.all([
		listOrganizationTypes(ctx, tenant.id),
		municipalitiesOf(ctx.db, tenant.id)
	]);
	return {
		tenant,
		types,
		municipalities,
		values: organizationFormValues(null),
		spokenLanguages: SPOKEN_LANGUAGES,
		furtherLocales: FURTHER_LOCALES
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = formValues(form, ORGANIZATION_LIST_FIELDS);
		const result = await runAction(values, () =>
			createOrganization(event.locals.ctx, tenant.id, organizationInputFromForm(values))
		);
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/organisationen/${result.id}?saved=created`);
	}
};
