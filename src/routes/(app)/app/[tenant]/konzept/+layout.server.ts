import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { listEditions } from '$lib/server/concept/editions';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const load: LayoutServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const editions = await orNotFound(() => listEditions(ctx));
	return {
		tenant: ctx.tenant,
		editions,
		canManage: can(ctx.actor, 'concept.manage', { tenantId: ctx.tenant.id })
	};
};
