/** Shared by the signed-in participation and inquiries pages: the tenant, authorised. */
import type { RequestEvent } from '@sveltejs/kit';
import { requireActor } from '../guards';
import { getTenantForActor } from '../tenants/service';
import { authorize, can, type Action } from '../auth/policy';
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { orNotFound, runAction, type FormFailure } from '../http';
import { RateLimitError } from '../errors';

export async function tenantFor(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	action: Action
) {
	const actor = requireActor(event);
	const slug = (event.params as Record<string, string>).tenant;
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, slug));
	await orNotFound(async () => authorize(actor, action, { tenantId: tenant.id }));
	return {
		tenant,
		actor,
		canManage: can(actor, 'participation.manage', { tenantId: tenant.id })
	};
}

/**
 * runAction for public forms: a rate limit becomes a form error in the words of the form (the
 * shared message speaks of sign-in attempts).
 */
export async function runPublicAction<T>(
	values: Record<string, string | string[]>,
	fn: () => Promise<T>
): Promise<T | FormFailure> {
	try {
		return await runAction(values, async () => {
			try {
				return await fn();
			} catch (e) {
				if (e instanceof RateLimitError) throw new PublicLimit(e.retryAfterSeconds);
				throw e;
			}
		});
	} catch (e) {
		if (e instanceof PublicLimit) {
			const minutes = Math.max(1, Math.ceil(e.seconds / 60));
			return fail(429, { values, errors: { form: m.inquiries_error_rate_limited({ minutes }) } });
		}
		throw e;
	}
}

class PublicLimit extends Error {
	constructor(public readonly seconds: number) {
		super('rate limited');
	}
}
