import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { countActiveSessions } from '$lib/server/auth/sessions';
import { listMyTenants } from '$lib/server/tenants/service';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ctx = event.locals.ctx;
	const [sessions, tenants] = await Promise.all([
		countActiveSessions(ctx.db, actor.userId),
		listMyTenants(ctx)
	]);
	return {
		name: actor.name,
		email: actor.email,
		isPlatformAdmin: actor.isPlatformAdmin,
		sessions,
		roles: tenants.filter((t) => t.role).map((t) => ({ tenant: t.name, role: t.role }))
	};
};
