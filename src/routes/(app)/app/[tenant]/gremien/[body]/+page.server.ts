import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { getBodyPage } from '$lib/server/bodies/views';
import {
	decideJoinRequest,
	requestToJoin,
	withdrawJoinRequest
} from '$lib/server/bodies/join-requests';
import { bodyJoinRequests } from '$lib/server/bodies/schema';
import { users } from '$lib/server/auth/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { and, eq } from 'drizzle-orm';
import { isUuid, keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'body.view', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const page = await orNotFound(() => getBodyPage(event.locals.ctx, tenant.id, event.params.body));
	return { tenant, ...page };
};

/** The name of the person who asked, for the confirmation after a decision. */
async function requesterName(
	event: Parameters<Actions[string]>[0],
	tenantId: string,
	requestId: string
): Promise<string> {
	if (!isUuid(requestId)) return '';
	const [row] = await event.locals.ctx.db
		.select({ name: users.name })
		.from(bodyJoinRequests)
		.innerJoin(users, eq(users.id, bodyJoinRequests.userId))
		.where(and(eq(bodyJoinRequests.tenantId, tenantId), eq(bodyJoinRequests.id, requestId)));
	return row?.name ?? '';
}

export const actions: Actions = {
	join: async (event) => {
		const tenant = await tenantFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await requestToJoin(event.locals.ctx, tenant.id, event.params.body, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.bodies_join_sent() };
	},
	withdraw: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const result = await runAction({}, async () => {
			await withdrawJoinRequest(event.locals.ctx, tenant.id, id);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.bodies_withdrawn() };
	},
	decide: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const decision = form.get('decision') === 'accept' ? 'accept' : 'decline';
		const result = await runAction({}, async () => {
			await decideJoinRequest(event.locals.ctx, tenant.id, id, decision);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		const name = await requesterName(event, tenant.id, id);
		return {
			success: decision === 'accept' ? m.bodies_accepted({ name }) : m.bodies_declined({ name })
		};
	}
};
