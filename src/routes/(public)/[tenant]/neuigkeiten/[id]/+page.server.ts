import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getPublicNews } from '$lib/server/news/views';
import { newsFeedPath } from '$lib/server/news/atom';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const article = await orNotFound(() => getPublicNews(ctx, { id: event.params.id }));
	return { tenant: ctx.tenant, article, feed: newsFeedPath(ctx.tenant.slug) };
};
