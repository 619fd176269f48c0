import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { setOrganizationFlags, updateOrganization } from '$lib/server/organizations/organizations';
import { organizationPage } from '$lib/server/organizations/pages';
import {
	addContact,
	recordConsent,
	removeContact,
	updateContact,
	withdrawConsent
} from '$lib/server/organizations/contacts';
import { removeLogo, uploadLogo } from '$lib/server/organizations/logos';
import {
	ORGANIZATION_LIST_FIELDS,
	organizationInputFromForm
} from '$lib/server/organizations/validation';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => organizationPage(ctx, { organizationId: event.params.id }));
	return { tenant: ctx.tenant, ...page, saved: event.url.searchParams.get('saved') };
};

const SAVED_MESSAGES = {
	live: m.org_saved,
	pending: m.org_saved_pending,
	unchanged: m.org_saved_unchanged
};

/** The contact person of the organisation the URL names, from the form's contactId. */
const contactRef = ({
	values,
	params
}: {
	values: Record<string, unknown>;
	params: { id: string };
}) => ({
	organizationId: params.id,
	contactId: str(values.contactId)
});

export const actions: Actions = {
	save: formAction(updateOrganization, {
		form: 'save',
		lists: ORGANIZATION_LIST_FIELDS,
		input: ({ values, params }) => ({
			...organizationInputFromForm(values),
			organizationId: params.id
		}),
		onSuccess: ({ outcome }) => ({ formId: 'save', success: SAVED_MESSAGES[outcome]() })
	}),
	flags: formAction(setOrganizationFlags, {
		form: 'flags',
		input: ({ values, params }) => ({
			organizationId: params.id,
			trusted: values.trusted === 'on',
			isPublic: values.isPublic === 'on'
		}),
		onSuccess: () => ({ formId: 'flags', success: m.org_flags_saved() })
	}),
	logo: formAction(uploadLogo, {
		form: 'logo',
		// The request body is limited by the server (BODY_SIZE_LIMIT); the use case checks the rest.
		input: async ({ form, params }) => {
			const file = form.get('logo');
			return {
				organizationId: params.id,
				bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
			};
		},
		onSuccess: () => ({ formId: 'logo', success: m.org_logo_saved() })
	}),
	removeLogo: formAction(removeLogo, {
		form: 'logo',
		input: ({ params }) => ({ organizationId: params.id }),
		onSuccess: () => ({ formId: 'logo', success: m.org_logo_removed() })
	}),
	addContact: formAction(addContact, {
		form: 'contact-new',
		input: ({ values, params }) => ({ ...values, organizationId: params.id }),
		onSuccess: (_, { values }) => ({
			formId: 'contact-new',
			success: m.org_contact_added({ name: str(values.name).trim() })
		})
	}),
	// the form names itself contact-{id} (a hidden field), so its errors show at that contact
	updateContact: formAction(updateContact, {
		input: (args) => ({ ...args.values, ...contactRef(args) }),
		onSuccess: (_, { values }) => ({
			formId: `contact-${str(values.contactId)}`,
			success: m.org_contact_saved()
		})
	}),
	removeContact: formAction(removeContact, {
		form: 'contacts',
		input: contactRef,
		onSuccess: () => ({ formId: 'contacts', success: m.org_contact_removed() })
	}),
	// the form names itself consent-{id} (a hidden field)
	consent: formAction(recordConsent, {
		input: (args) => ({
			...contactRef(args),
			consentText: str(args.values.consentText),
			givenOn: str(args.values.givenOn),
			confirmed: args.values.confirmed === 'on'
		}),
		onSuccess: () => ({ formId: 'contacts', success: m.org_consent_recorded() })
	}),
	withdraw: formAction(withdrawConsent, {
		form: 'contacts',
		input: contactRef,
		onSuccess: () => ({ formId: 'contacts', success: m.org_consent_withdrawn() })
	})
};
