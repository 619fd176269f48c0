import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getPublicPaper } from '$lib/server/papers/public-view';

export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// unknown, malformed, another tenant's, not public or a draft: all the same 404
	const paper = await orNotFound(() => getPublicPaper(ctx, { paperId: event.params.id }));
	return { tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug }, paper };
};
