import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getPublicNews } from '$lib/server/news/views';
import { newsFeedPath } from '$lib/server/news/atom';
import { publicEasyReadText } from '$lib/server/easy-read/texts';
import { easyReadBlocks } from '$lib/server/easy-read/default-text';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const article = await orNotFound(() => getPublicNews(ctx, { id: event.params.id }));
	const easyRead = await publicEasyReadText(ctx, 'news', article.id);
	return {
		tenant: ctx.tenant,
		article,
		feed: newsFeedPath(ctx.tenant.slug, ctx.locale),
		easyRead: easyRead ? easyReadBlocks(easyRead) : null
	};
};
