import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { auditFilter, listAudit } from '$lib/server/audit/service';
import { orNotFound } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const filter = auditFilter.parse(Object.fromEntries(event.url.searchParams));
	const result = await orNotFound(() => listAudit(ctx, tenant.id, filter));
	return { tenant, filter, ...result };
};
