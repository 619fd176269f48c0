import type { Actions, PageServerLoad } from './$types';
import { peoplePage } from '$lib/server/auth/people';
import { inviteUser, revokeInvitation } from '$lib/server/auth/invitations';
import { changeRole, removeMember } from '$lib/server/auth/memberships';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => peoplePage(ctx));
	return { tenant: ctx.tenant, ...page };
};

export const actions: Actions = {
	invite: formAction(inviteUser, {
		lists: ['organizationIds'],
		onSuccess: (_, { values }) => ({
			success: m.invite_sent({ email: String(values.email).trim().toLowerCase() })
		})
	}),
	revoke: formAction(revokeInvitation, {
		onSuccess: () => ({ success: m.invitation_revoked() })
	}),
	// the role chosen in a row is not sent back: it would fill in the invitation form's role
	role: formAction(changeRole, {
		omit: ['userId', 'role'],
		input: ({ form }) => ({ userId: form.get('userId'), role: form.get('role') }),
		onSuccess: () => ({ success: m.people_role_changed() })
	}),
	remove: formAction(removeMember, {
		onSuccess: () => ({ success: m.people_removed() })
	})
};
