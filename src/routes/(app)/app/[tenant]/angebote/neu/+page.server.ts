import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { createOffer } from '$lib/server/offers/save-offer';
import { offerForm } from '$lib/server/offers/get-offer';
import { OFFER_LIST_FIELDS, offerInputFromForm } from '$lib/server/offers/validation';
import { listEditableOrganizations } from '$lib/server/organizations/organizations';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// (a guest may not see the organisations: a 404, not a 500)
	const editable = await orNotFound(() => listEditableOrganizations(ctx));
	if (editable.length === 0) error(404, m.error_not_found());
	const wanted = event.url.searchParams.get('organisation');
	const organization =
		editable.find((o) => o.id === wanted) ?? (editable.length === 1 ? editable[0] : null);
	if (!organization) return { tenant: ctx.tenant, organizations: editable, organization: null };
	return {
		tenant: ctx.tenant,
		organizations: editable,
		organization,
		form: await offerForm(ctx, { organizationId: organization.id, state: null })
	};
};

export const actions: Actions = {
	default: formAction(createOffer, {
		lists: OFFER_LIST_FIELDS,
		input: ({ values }) => ({
			...offerInputFromForm(values),
			organizationId: str(values.organizationId)
		}),
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/angebote/${id}?saved=created`)
	})
};
