import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	DEFAULT_TENANT_CONSENT_TEXT,
	getTenantContact,
	recordTenantContactConsent,
	removeTenantContact,
	updateTenantContact,
	withdrawTenantContactConsent
} from '$lib/server/tenant-contacts/contacts';
import { SPOKEN_LANGUAGES } from '$lib/server/offers/vocabulary';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const item = await orNotFound(() => getTenantContact(ctx, { contactId: event.params.id }));
	return {
		tenant: ctx.tenant,
		item,
		spokenLanguages: SPOKEN_LANGUAGES,
		defaultConsentText: DEFAULT_TENANT_CONSENT_TEXT,
		added: event.url.searchParams.has('added')
	};
};

export const actions: Actions = {
	save: formAction(updateTenantContact, {
		lists: ['languages'],
		input: ({ values, params }) => ({ ...values, contactId: params.id }),
		onSuccess: () => ({ success: m.tdc_app_saved() })
	}),
	consent: formAction(recordTenantContactConsent, {
		form: 'consent',
		input: ({ values, params }) => ({
			...values,
			confirmed: values.confirmed === 'on',
			contactId: params.id
		}),
		onSuccess: () => ({ success: m.tdc_app_saved() })
	}),
	withdraw: formAction(withdrawTenantContactConsent, {
		input: ({ params }) => ({ contactId: params.id }),
		onSuccess: () => ({ success: m.tdc_app_saved() })
	}),
	remove: formAction(removeTenantContact, {
		input: ({ params }) => ({ contactId: params.id }),
		onSuccess: (_r, { ctx }) => redirect(303, `/app/${ctx.tenant.slug}/ansprechpersonen`)
	})
};
