import type { RequestEvent } from '@sveltejs/kit';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { orNotFound } from '$lib/server/http';

/** The tenant of a papers page; everyone who may see the tenant's bodies may open them. */
export async function papersTenant(event: RequestEvent) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() =>
		getTenantForActor(event.locals.ctx, (event.params as { tenant: string }).tenant)
	);
	await orNotFound(async () => authorize(actor, 'body.view', { tenantId: tenant.id }));
	return tenant;
}
