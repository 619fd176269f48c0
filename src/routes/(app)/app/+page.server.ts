import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { listMyTenants } from '$lib/server/tenants/service';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const tenants = await listMyTenants(event.locals.ctx);
	return { name: actor.name, tenants };
};
