import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';
import { eventsFeedPath, listPublicEvents } from '$lib/server/events/public';
import { feedLinks } from '$lib/server/invitations/feed-links';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const list = await listPublicEvents(ctx, { page: pageParam(event.url) });
	return {
		tenant: ctx.tenant,
		...list,
		calendar: feedLinks(event.url, eventsFeedPath(ctx.tenant.slug))
	};
};
