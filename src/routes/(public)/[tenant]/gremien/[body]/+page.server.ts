import type { PageServerLoad } from './$types';
import { getPublicBody } from '$lib/server/bodies/public';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { bodyFeedPath, feedLinks } from '$lib/server/invitations/feed-links';

// Server-rendered only: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// Unknown, malformed, another tenant's, not public or archived: all the same 404.
	const page = await orNotFound(() => getPublicBody(ctx, { bodyId: event.params.body }));
	return {
		tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug },
		...page,
		calendar: feedLinks(event.url, bodyFeedPath(ctx.tenant.slug, page.body.id))
	};
};
