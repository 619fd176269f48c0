import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { listEditions } from '$lib/server/concept/editions';
import { orNotFound } from '$lib/server/http';
import { conceptTenant } from './_shared';

export const load: LayoutServerLoad = async (event) => {
	const { actor, tenant } = await conceptTenant(event);
	const editions = await orNotFound(() => listEditions(event.locals.ctx, tenant.id));
	return {
		tenant,
		editions,
		canManage: can(actor, 'concept.manage', { tenantId: tenant.id })
	};
};
