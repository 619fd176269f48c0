import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getCalendarPage } from '$lib/server/meetings/calendar';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getCalendarPage(ctx, { query: event.url.searchParams }));
	return { tenant: ctx.tenant, ...page };
};
