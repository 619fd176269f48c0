import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { getMembersPage } from '$lib/server/bodies/views';
import { addMembership, changeMembership, endMembership } from '$lib/server/bodies/memberships';
import { removeHost, saveHost } from '$lib/server/bodies/hosts';
import { MEMBERSHIP_ROLES } from '$lib/server/bodies/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'body.view', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const page = await orNotFound(() =>
		getMembersPage(event.locals.ctx, tenant.id, event.params.body)
	);
	return { tenant, ...page, roles: MEMBERSHIP_ROLES };
};

/** Reads the page again after a change, for the names in the confirmation. */
async function current(event: Parameters<Actions[string]>[0], tenantId: string) {
	return getMembersPage(event.locals.ctx, tenantId, event.params.body);
}

function memberName(page: Awaited<ReturnType<typeof current>>, membershipId: string) {
	return (
		[...page.members.current, ...page.members.former].find((x) => x.membershipId === membershipId)
			?.name ?? ''
	);
}

export const actions: Actions = {
	add: async (event) => {
		const tenant = await tenantFor(event);
		const values: Record<string, string> = {
			...keepValues(await event.request.formData()),
			form: 'add'
		};
		const result = await runAction(values, () =>
			addMembership(event.locals.ctx, tenant.id, event.params.body, values)
		);
		if (!('id' in result)) return result;
		return {
			success: m.bodies_member_added({
				name: memberName(await current(event, tenant.id), result.id)
			})
		};
	},
	change: async (event) => {
		const tenant = await tenantFor(event);
		const values: Record<string, string> = {
			...keepValues(await event.request.formData()),
			form: 'change'
		};
		const id = values.id ?? '';
		const result = await runAction(values, async () => {
			await changeMembership(event.locals.ctx, tenant.id, id, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return {
			success: m.bodies_member_changed({ name: memberName(await current(event, tenant.id), id) })
		};
	},
	end: async (event) => {
		const tenant = await tenantFor(event);
		const values: Record<string, string> = {
			...keepValues(await event.request.formData()),
			form: 'end'
		};
		const id = values.id ?? '';
		const result = await runAction(values, async () => {
			await endMembership(event.locals.ctx, tenant.id, id, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return {
			success: m.bodies_member_ended({ name: memberName(await current(event, tenant.id), id) })
		};
	},
	host: async (event) => {
		const tenant = await tenantFor(event);
		const values: Record<string, string> = {
			...keepValues(await event.request.formData()),
			form: 'host'
		};
		const result = await runAction(values, async () => {
			await saveHost(event.locals.ctx, tenant.id, event.params.body, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		const page = await current(event, tenant.id);
		const name = page.hosts.find((h) => h.organizationId === values.organizationId)?.name ?? '';
		return { success: m.bodies_host_saved({ name }) };
	},
	removeHost: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const organizationId = String(form.get('organizationId') ?? '');
		const before = await current(event, tenant.id).catch(() => null);
		const name = before?.hosts.find((h) => h.organizationId === organizationId)?.name ?? '';
		const result = await runAction({}, async () => {
			await removeHost(event.locals.ctx, tenant.id, event.params.body, organizationId);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.bodies_host_removed({ name }) };
	}
};
