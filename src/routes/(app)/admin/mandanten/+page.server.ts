import type { Actions, PageServerLoad } from './$types';
import { createTenant, listAllTenants } from '$lib/server/tenants/service';
import { LAENDER } from '$lib/server/tenants/validation';
import { formAction, orNotFound, requestCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const tenants = await orNotFound(() => listAllTenants(requestCtx(event)));
	return { tenants, laender: [...LAENDER] };
};

export const actions: Actions = {
	create: formAction(createTenant, {
		input: ({ values }) => ({ ...values, isPublic: values.isPublic === 'on' }),
		onSuccess: (tenant) => ({ success: m.tenants_created({ name: tenant.name }) })
	})
};
