import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { myInstructions } from '$lib/server/papers/instructions-view';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, instructions: await orNotFound(() => myInstructions(ctx)) };
};
