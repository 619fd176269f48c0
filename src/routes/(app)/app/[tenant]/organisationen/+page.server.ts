import type { PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { orNotFound } from '$lib/server/http';
import { listOrganizations, listOrganizationTypes } from '$lib/server/organizations/organizations';
import { pageParam, tenantFor } from '../angebote/_shared/forms.server';

export const load: PageServerLoad = async (event) => {
	const { actor, tenant } = await tenantFor(event);
	const ctx = event.locals.ctx;
	const typeId = event.url.searchParams.get('type') ?? '';
	const [list, types] = await orNotFound(() =>
		Promise.all([
			listOrganizations(ctx, tenant.id, { typeId, page: pageParam(event.url) }),
			listOrganizationTypes(ctx, tenant.id)
		])
	);
	return {
		tenant,
		list,
		types,
		typeId: types.some((t) => t.id === typeId) ? typeId : '',
		canCreate: can(actor, 'organization.manage', { tenantId: tenant.id })
	};
};
