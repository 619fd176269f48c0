import type { PageServerLoad } from './$types';
import { districtOverview } from '$lib/server/district/overview';
import { orNotFound, tenantCtx } from '$lib/server/http';

/** The district-wide view; `?gemeinde=<slug>` filters to one municipality (district only). */
export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const municipality = event.url.searchParams.get('gemeinde') || null;
	const overview = await orNotFound(() => districtOverview(ctx, { municipality }));
	return { tenant: ctx.tenant, overview };
};
