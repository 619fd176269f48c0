import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getPapersHome } from '$lib/server/papers/list-view';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const home = await orNotFound(() =>
		getPapersHome(ctx, Object.fromEntries(event.url.searchParams))
	);
	return { tenant: ctx.tenant, ...home };
};
