import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';
import { listAppNews } from '$lib/server/news/views';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const list = await orNotFound(() => listAppNews(ctx, { page: pageParam(event.url) }));
	return { tenant: ctx.tenant, ...list };
};
