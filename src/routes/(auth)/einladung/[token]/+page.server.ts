import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { acceptInvitation, findInvitation } from '$lib/server/auth/invitations';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { formAction, requestCtx, sessionCookieOptions } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	// Only what the invitee needs to see.
	const invitation = await findInvitation(requestCtx(event), { token: event.params.token });
	return { invitation };
};

export const actions: Actions = {
	// The passwords are read from the form and never sent back.
	default: formAction(acceptInvitation, {
		input: ({ form, params }) => ({
			token: params.token,
			password: form.get('password') ?? '',
			passwordConfirm: form.get('passwordConfirm') ?? ''
		}),
		onSuccess: (result, { event }) => {
			event.cookies.set(
				SESSION_COOKIE,
				result.token,
				sessionCookieOptions(event.url, result.expiresAt)
			);
			redirect(303, `/app/${result.tenantSlug}`);
		}
	})
};
