import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { listMyTenants } from '$lib/server/tenants/service';
import { nextMeetingsAcrossTenants } from '$lib/server/meetings/calendar';
import { requestCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ctx = requestCtx(event);
	const [tenants, nextMeetings] = await Promise.all([
		listMyTenants(ctx),
		nextMeetingsAcrossTenants(ctx)
	]);
	return { name: actor.name, tenants, nextMeetings };
};
