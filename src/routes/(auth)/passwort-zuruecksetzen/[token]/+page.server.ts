import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { isResetTokenValid, resetPassword } from '$lib/server/auth/password-reset';
import { formAction, requestCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => ({
	valid: await isResetTokenValid(requestCtx(event), { token: event.params.token })
});

export const actions: Actions = {
	// The passwords are read from the form and never sent back.
	default: formAction(resetPassword, {
		input: ({ form, params }) => ({
			token: params.token,
			password: form.get('password') ?? '',
			passwordConfirm: form.get('passwordConfirm') ?? ''
		}),
		onSuccess: () => redirect(303, '/anmelden?reset')
	})
};
