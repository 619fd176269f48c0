import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { listContactFallbacks } from '$lib/server/offers/contact';

/** Offers whose public contact falls back to the organisation or the coordination office. */
export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const items = await orNotFound(() => listContactFallbacks(ctx));
	return { tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug }, items };
};
