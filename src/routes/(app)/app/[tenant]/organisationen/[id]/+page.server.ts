import type { Actions, PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import {
	getOrganization,
	listOrganizationTypes,
	municipalitiesOf,
	setOrganizationFlags,
	updateOrganization
} from '$lib/server/organizations/organizations';
import {
	addContact,
	DEFAULT_CONSENT_TEXT,
	listContacts,
	publicContacts,
	recordConsent,
	removeContact,
	updateContact,
	withdrawConsent
} from '$lib/server/organizations/contacts';
import { LOGO_MAX_BYTES, removeLogo, uploadLogo } from '$lib/server/organizations/logos';
import {
	FURTHER_LOCALES,
	ORGANIZATION_LIST_FIELDS,
	organizationInputFromForm
} from '$lib/server/organizations/validation';
import { organizationFormValues } from '$lib/server/organizations/state';
import { SPOKEN_LANGUAGES } from '$lib/server/offers/vocabulary';
import { runForm, tenantFor } from '../../angebote/_shared/forms.server';
import { formValues, str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event);
	const ctx = event.locals.ctx;
	const org = await orNotFound(() => getOrganization(ctx, tenant.id, event.params.id));
	const [types, municipalities, contacts] = await Promise.all([
		listOrganizationTypes(ctx, tenant.id),
		municipalitiesOf(ctx.db, tenant.id),
		org.canEdit ? listContacts(ctx, tenant.id, org.id) : Promise.resolve(null)
	]);
	const publicOnly = contacts ? null : await publicContacts(ctx.db, tenant.id, [org.id]);
	// An editor continues from their own pending proposal; everyone else sees the live record.
	const shown = org.pending && !org.canReview ? org.pending.proposed : org.state;
	return {
		tenant,
		org: { ...org, pending: org.pending && { ...org.pending, proposed: undefined } },
		values: organizationFormValues(shown),
		types,
		municipalities,
		contacts,
		publicContacts: publicOnly,
		defaultConsentText: DEFAULT_CONSENT_TEXT,
		logoMaxKb: Math.round(LOGO_MAX_BYTES / 1024),
		spokenLanguages: SPOKEN_LANGUAGES,
		furtherLocales: FURTHER_LOCALES,
		saved: event.url.searchParams.get('saved')
	};
};

const contactFields = (form: FormData) => ({
	name: str(form.get('name')),
	role: str(form.get('role')),
	phone: str(form.get('phone')),
	email: str(form.get('email'))
});

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = formValues(form, ORGANIZATION_LIST_FIELDS);
		const r = await runForm('save', values, () =>
			updateOrganization(
				event.locals.ctx,
				tenant.id,
				event.params.id,
				organizationInputFromForm(values)
			)
		);
		if (!('ok' in r)) return r;
		const outcome = r.result.outcome;
		return {
			formId: 'save',
			success:
				outcome === 'pending'
					? m.org_saved_pending()
					: outcome === 'unchanged'
						? m.org_saved_unchanged()
						: m.org_saved()
		};
	},
	flags: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const r = await runForm('flags', {}, () =>
			setOrganizationFlags(event.locals.ctx, tenant.id, event.params.id, {
				trusted: form.get('trusted') === 'on',
				isPublic: form.get('isPublic') === 'on'
			})
		);
		if (!('ok' in r)) return r;
		return { formId: 'flags', success: m.org_flags_saved() };
	},
	logo: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const file = form.get('logo');
		// The request body is limited by the server (BODY_SIZE_LIMIT); the use case checks the rest.
		const bytes =
			file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		const r = await runForm('logo', {}, () =>
			uploadLogo(event.locals.ctx, tenant.id, event.params.id, bytes)
		);
		if (!('ok' in r)) return r;
		return { formId: 'logo', success: m.org_logo_saved() };
	},
	removeLogo: async (event) => {
		const { tenant } = await tenantFor(event);
		const r = await runForm('logo', {}, () =>
			removeLogo(event.locals.ctx, tenant.id, event.params.id)
		);
		if (!('ok' in r)) return r;
		return { formId: 'logo', success: m.org_logo_removed() };
	},
	addContact: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = contactFields(form);
		const r = await runForm('contact-new', values, () =>
			addContact(event.locals.ctx, tenant.id, event.params.id, values)
		);
		if (!('ok' in r)) return r;
		return { formId: 'contact-new', success: m.org_contact_added({ name: values.name.trim() }) };
	},
	updateContact: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const contactId = str(form.get('contactId'));
		const values = contactFields(form);
		const r = await runForm(`contact-${contactId}`, values, () =>
			updateContact(event.locals.ctx, tenant.id, event.params.id, contactId, values)
		);
		if (!('ok' in r)) return r;
		return { formId: `contact-${contactId}`, success: m.org_contact_saved() };
	},
	removeContact: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const contactId = str(form.get('contactId'));
		const r = await runForm('contacts', {}, () =>
			removeContact(event.locals.ctx, tenant.id, event.params.id, contactId)
		);
		if (!('ok' in r)) return r;
		return { formId: 'contacts', success: m.org_contact_removed() };
	},
	consent: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const contactId = str(form.get('contactId'));
		const values = {
			consentText: str(form.get('consentText')),
			givenOn: str(form.get('givenOn')),
			confirmed: form.get('confirmed') === 'on' ? 'on' : ''
		};
		const r = await runForm(`consent-${contactId}`, values, () =>
			recordConsent(event.locals.ctx, tenant.id, event.params.id, contactId, {
				consentText: values.consentText,
				givenOn: values.givenOn,
				confirmed: values.confirmed === 'on'
			})
		);
		if (!('ok' in r)) return r;
		return { formId: 'contacts', success: m.org_consent_recorded() };
	},
	withdraw: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const contactId = str(form.get('contactId'));
		const r = await runForm('contacts', {}, () =>
			withdrawConsent(event.locals.ctx, tenant.id, event.params.id, contactId)
		);
		if (!('ok' in r)) return r;
		return { formId: 'contacts', success: m.org_consent_withdrawn() };
	}
};
