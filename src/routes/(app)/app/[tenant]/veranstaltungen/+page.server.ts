import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';
import { listAppEvents } from '$lib/server/events/manage';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const list = await orNotFound(() => listAppEvents(ctx, { page: pageParam(event.url) }));
	return { tenant: ctx.tenant, ...list };
};
