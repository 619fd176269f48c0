import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize, can } from '$lib/server/auth/policy';
import { listBodies } from '$lib/server/bodies/views';
import { findBody } from '$lib/server/bodies/access';
import { bodyFilter } from '$lib/server/bodies/validation';
import { BODY_KINDS } from '$lib/server/bodies/schema';
import { orNotFound } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	await orNotFound(async () => authorize(actor, 'body.view', { tenantId: tenant.id }));
	const filter = bodyFilter.parse(Object.fromEntries(event.url.searchParams));
	const list = await listBodies(ctx, tenant.id, filter);
	const canManage = can(actor, 'body.manage', { tenantId: tenant.id });
	// After creating a body the form sends the coordinator here with its id, to confirm it.
	const createdId = event.url.searchParams.get('angelegt');
	const created =
		createdId && canManage ? ((await findBody(ctx.db, tenant.id, createdId))?.name ?? null) : null;
	return { tenant, filter, ...list, kinds: BODY_KINDS, canManage, created };
};
