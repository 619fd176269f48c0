import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { runAction } from '$lib/server/http';
import { createOffer } from '$lib/server/offers/offers';
import { offerFormValues } from '$lib/server/offers/state';
import { MAX_PLACES, OFFER_LIST_FIELDS, offerInputFromForm } from '$lib/server/offers/validation';
import { CONTENT_LOCALES, SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import {
	listEditableOrganizations,
	municipalitiesOf
} from '$lib/server/organizations/organizations';
import { contactChoices } from '$lib/server/organizations/contacts';
import { listFieldsOfAction } from '$lib/server/fields-of-action/service';
import { tenantFor } from '../_shared/forms.server';
import { formValues, str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event);
	const ctx = event.locals.ctx;
	const editable = await listEditableOrganizations(ctx, tenant.id);
	if (editable.length === 0) error(404, m.error_not_found());
	const wanted = event.url.searchParams.get('organisation');
	const organization =
		editable.find((o) => o.id === wanted) ?? (editable.length === 1 ? editable[0] : null);
	if (!organization) return { tenant, organizations: editable, organization: null };
	const [fields, contacts, municipalities] = await Promise.all([
		listFieldsOfAction(ctx, tenant.id),
		contactChoices(ctx.db, tenant.id, organization.id),
		municipalitiesOf(ctx.db, tenant.id)
	]);
	return {
		tenant,
		organizations: editable,
		organization,
		form: {
			values: offerFormValues(null),
			fields,
			contacts,
			municipalities,
			targetGroups: TARGET_GROUPS,
			spokenLanguages: SPOKEN_LANGUAGES,
			furtherLocales: CONTENT_LOCALES.filter((l) => l !== 'de'),
			maxPlaces: MAX_PLACES
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = formValues(form, OFFER_LIST_FIELDS);
		const result = await runAction(values, () =>
			createOffer(
				event.locals.ctx,
				tenant.id,
				str(values.organizationId),
				offerInputFromForm(values)
			)
		);
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/angebote/${result.id}?saved=created`);
	}
};
