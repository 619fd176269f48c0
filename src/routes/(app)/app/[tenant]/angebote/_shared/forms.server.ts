import { fail, isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor, type TenantView } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import type { Actor } from '$lib/server/auth/actor';
import type { FormValues } from '$lib/server/shared';

/** The signed-in actor and the tenant of the URL; 404 if the actor has no access to it. */
export async function tenantFor(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ actor: Actor; tenant: TenantView }> {
	const actor = requireActor(event);
	const slug = (event.params as Record<string, string>).tenant;
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, slug));
	return { actor, tenant };
}

/**
 * Runs a use case for one of several forms on a page: a failure carries the form's id, so the
 * page shows the message at that form and keeps what was typed there.
 */
export async function runForm<T>(
	formId: string,
	values: FormValues,
	fn: () => Promise<T>
): Promise<
	| { ok: true; result: T }
	| ReturnType<typeof fail<{ formId: string; values: FormValues; errors: Record<string, string> }>>
> {
	const r = await runAction(values, fn);
	if (isActionFailure(r)) {
		const data = r.data as unknown as { values: FormValues; errors: Record<string, string> };
		return fail(r.status, { ...data, formId });
	}
	return { ok: true as const, result: r as T };
}

/** A page number from the query string (1 if missing or nonsense). */
export function pageParam(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
