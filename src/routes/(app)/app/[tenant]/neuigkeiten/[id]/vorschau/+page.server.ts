import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getNewsForEdit } from '$lib/server/news/views';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const item = await orNotFound(() => getNewsForEdit(ctx, { id: event.params.id }));
	return { tenant: ctx.tenant, item };
};
