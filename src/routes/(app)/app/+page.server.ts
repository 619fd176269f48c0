import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { listMyTenants } from '$lib/server/tenants/service';
import { nextMeetingsAcrossTenants } from '$lib/server/meetings/calendar';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const [tenants, nextMeetings] = await Promise.all([
		listMyTenants(event.locals.ctx),
		nextMeetingsAcrossTenants(event.locals.ctx)
	]);
	return { name: actor.name, tenants, nextMeetings };
};
