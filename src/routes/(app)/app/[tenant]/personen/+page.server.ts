import type { Actions, PageServerLoad } from './$types';
import { asc, eq } from 'drizzle-orm';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { listOpenInvitations, listPeople } from '$lib/server/auth/people';
import { inviteUser, revokeInvitation } from '$lib/server/auth/invitations';
import { changeRole, removeMember } from '$lib/server/auth/memberships';
import { organizations } from '$lib/server/organizations/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'tenant.people.view', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const [people, invitations, orgs] = await Promise.all([
		listPeople(ctx, tenant.id),
		listOpenInvitations(ctx, tenant.id),
		ctx.db
			.select({ id: organizations.id, name: organizations.name })
			.from(organizations)
			.where(eq(organizations.tenantId, tenant.id))
			.orderBy(asc(organizations.name))
	]);
	return { tenant, people, invitations, organizations: orgs };
};

export const actions: Actions = {
	invite: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const values = {
			...keepValues(form),
			organizationIds: form.getAll('organizationIds').map(String)
		};
		const result = await runAction(values, () =>
			inviteUser(event.locals.ctx, tenant.id, {
				email: form.get('email') ?? '',
				name: form.get('name') ?? '',
				role: form.get('role') ?? '',
				organizationIds: form.getAll('organizationIds').map(String),
				locale: form.get('locale') === 'en' ? 'en' : 'de'
			})
		);
		if (!('id' in result)) return result;
		return { success: m.invite_sent({ email: String(form.get('email')).trim().toLowerCase() }) };
	},
	revoke: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const result = await runAction({}, async () => {
			await revokeInvitation(event.locals.ctx, tenant.id, String(form.get('id') ?? ''));
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.invitation_revoked() };
	},
	role: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const result = await runAction({}, async () => {
			await changeRole(event.locals.ctx, tenant.id, {
				userId: String(form.get('userId') ?? ''),
				role: String(form.get('role') ?? '')
			});
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.people_role_changed() };
	},
	remove: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const result = await runAction({}, async () => {
			await removeMember(event.locals.ctx, tenant.id, String(form.get('userId') ?? ''));
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.people_removed() };
	}
};
