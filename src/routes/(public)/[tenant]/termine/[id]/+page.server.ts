import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getPublicEvent } from '$lib/server/events/public';
import { berlinDateOf } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const item = await orNotFound(() => getPublicEvent(ctx, { id: event.params.id }));
	const sameDay = !item.endsAt || berlinDateOf(item.startsAt) === berlinDateOf(item.endsAt);
	return { tenant: ctx.tenant, item, sameDay };
};
