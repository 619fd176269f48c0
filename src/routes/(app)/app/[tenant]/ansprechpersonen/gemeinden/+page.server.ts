import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	districtMunicipalityContacts,
	setMunicipalityContactFlags
} from '$lib/server/tenant-contacts/contacts';

/** The district's coordinators: mayors and invited contact persons of the municipalities. */
export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const municipalities = await orNotFound(() => districtMunicipalityContacts(ctx));
	return { tenant: ctx.tenant, municipalities };
};

export const actions: Actions = {
	save: formAction(setMunicipalityContactFlags, {
		input: ({ values }) => ({ ...values, contactId: values.contactId }),
		onSuccess: () => ({ success: m.tdc_app_saved() })
	})
};
