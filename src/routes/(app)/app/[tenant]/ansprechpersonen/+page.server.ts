import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { addTenantContact, listTenantContacts } from '$lib/server/tenant-contacts/contacts';
import { SPOKEN_LANGUAGES } from '$lib/server/offers/vocabulary';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const items = await orNotFound(() => listTenantContacts(ctx));
	return { tenant: ctx.tenant, items, spokenLanguages: SPOKEN_LANGUAGES };
};

export const actions: Actions = {
	add: formAction(addTenantContact, {
		lists: ['languages'],
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/ansprechpersonen/${id}?added`)
	})
};
