import type { Actions } from './$types';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { runAction } from '$lib/server/http';
import { keepValues } from '$lib/server/shared';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const values = keepValues(form);
		const result = await runAction(values, async () => {
			await requestPasswordReset(locals.ctx, form.get('email') ?? '');
			return { sent: true as const };
		});
		return result;
	}
};
