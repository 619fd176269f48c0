import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { publicTouringStops, touringFeedPath, withIcsLinks } from '$lib/server/touring/public';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// Public data only: confirmed stops of published projects in this tenant (or its municipalities).
	const stops = await publicTouringStops(ctx, { limit: 100 });
	return {
		tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug },
		stops: withIcsLinks(ctx.tenant.slug, stops),
		feedHref: touringFeedPath(ctx.tenant.slug)
	};
};
