import type { PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { listOrganizations, listOrganizationTypes } from '$lib/server/organizations/organizations';
import { pageParam } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const typeId = event.url.searchParams.get('type') ?? '';
	const [list, types] = await orNotFound(() =>
		Promise.all([
			listOrganizations(ctx, { typeId, page: pageParam(event.url) }),
			listOrganizationTypes(ctx)
		])
	);
	return {
		tenant: ctx.tenant,
		list,
		types,
		typeId: types.some((t) => t.id === typeId) ? typeId : '',
		canCreate: can(ctx.actor, 'organization.manage', { tenantId: ctx.tenant.id })
	};
};
