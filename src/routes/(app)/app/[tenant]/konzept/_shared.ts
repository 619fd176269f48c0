import type { RequestEvent } from '@sveltejs/kit';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize, type Action } from '$lib/server/auth/policy';
import { orNotFound } from '$lib/server/http';
import { berlinDateOf } from '$lib/server/shared';

/** The tenant of a concept page or action, after checking the action (404 otherwise). */
export async function conceptTenant(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	action: Action = 'concept.view'
) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() =>
		getTenantForActor(event.locals.ctx, (event.params as { tenant: string }).tenant)
	);
	await orNotFound(async () => authorize(actor, action, { tenantId: tenant.id }));
	return { actor, tenant };
}

/** Today in Berlin, "YYYY-MM-DD". */
export const today = () => berlinDateOf(new Date());

/** Form values of a form, lists (several values under one name) kept as arrays. */
export function formValues(form: FormData, lists: string[] = []) {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of form.entries()) {
		if (typeof v !== 'string') continue;
		if (lists.includes(k)) out[k] = [...((out[k] as string[] | undefined) ?? []), v];
		else out[k] = v;
	}
	for (const k of lists) out[k] ??= [];
	return out;
}
