import type { Actions, PageServerLoad } from './$types';
import { getMembersPage } from '$lib/server/bodies/views';
import { addMembership, changeMembership, endMembership } from '$lib/server/bodies/memberships';
import { removeHost, saveHost } from '$lib/server/bodies/hosts';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getMembersPage(ctx, { bodyId: event.params.body }));
	return { tenant: ctx.tenant, ...page };
};

export const actions: Actions = {
	add: formAction(addMembership, {
		form: 'add',
		input: ({ values, params }) => ({ ...values, bodyId: params.body }),
		onSuccess: ({ name }) => ({ success: m.bodies_member_added({ name }) })
	}),
	change: formAction(changeMembership, {
		form: 'change',
		input: ({ values, params }) => ({ ...values, bodyId: params.body, membershipId: values.id }),
		onSuccess: ({ name }) => ({ success: m.bodies_member_changed({ name }) })
	}),
	end: formAction(endMembership, {
		form: 'end',
		input: ({ values, params }) => ({ ...values, bodyId: params.body, membershipId: values.id }),
		onSuccess: ({ name }) => ({ success: m.bodies_member_ended({ name }) })
	}),
	host: formAction(saveHost, {
		form: 'host',
		input: ({ values, params }) => ({ ...values, bodyId: params.body }),
		onSuccess: ({ name }) => ({ success: m.bodies_host_saved({ name }) })
	}),
	removeHost: formAction(removeHost, {
		input: ({ values, params }) => ({ bodyId: params.body, organizationId: values.organizationId }),
		onSuccess: ({ name }) => ({ success: m.bodies_host_removed({ name }) })
	})
};
