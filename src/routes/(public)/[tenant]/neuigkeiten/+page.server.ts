import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';
import { listPublicNews } from '$lib/server/news/views';
import { newsFeedPath } from '$lib/server/news/atom';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const news = await listPublicNews(ctx, { page: pageParam(event.url) });
	return { tenant: ctx.tenant, ...news, feed: newsFeedPath(ctx.tenant.slug, ctx.locale) };
};
