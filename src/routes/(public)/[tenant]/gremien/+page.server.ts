import type { PageServerLoad } from './$types';
import { listPublicBodies } from '$lib/server/bodies/public';
import { BODY_KINDS } from '$lib/server/bodies/validation';
import { tenantCtx } from '$lib/server/http';

// Server-rendered only: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const bodies = await listPublicBodies(ctx);
	return { tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug }, bodies, kinds: BODY_KINDS };
};
