import type { PageServerLoad } from './$types';
import { getBodiesPage } from '$lib/server/bodies/list';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// After creating a body the form sends the coordinator here with its id (`angelegt`).
	const page = await orNotFound(() =>
		getBodiesPage(ctx, Object.fromEntries(event.url.searchParams))
	);
	return { tenant: ctx.tenant, ...page };
};
