import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { createOrganization } from '$lib/server/organizations/organizations';
import { newOrganizationForm } from '$lib/server/organizations/pages';
import {
	ORGANIZATION_LIST_FIELDS,
	organizationInputFromForm
} from '$lib/server/organizations/validation';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, ...(await orNotFound(() => newOrganizationForm(ctx))) };
};

export const actions: Actions = {
	default: formAction(createOrganization, {
		lists: ORGANIZATION_LIST_FIELDS,
		input: ({ values }) => organizationInputFromForm(values),
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/organisationen/${id}?saved=created`)
	})
};
