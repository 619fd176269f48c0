import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { isResetTokenValid, resetPassword } from '$lib/server/auth/password-reset';
import { runAction } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, params }) => ({
	valid: await isResetTokenValid(locals.ctx, params.token)
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction({}, async () => {
			await resetPassword(locals.ctx, params.token, {
				password: form.get('password') ?? '',
				passwordConfirm: form.get('passwordConfirm') ?? ''
			});
			return { done: true as const };
		});
		if ('done' in result) redirect(303, '/anmelden?reset');
		return result;
	}
};
