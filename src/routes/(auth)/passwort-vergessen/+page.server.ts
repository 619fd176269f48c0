import type { Actions } from './$types';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { formAction } from '$lib/server/http';

export const actions: Actions = {
	// The same answer whether or not the address has an account.
	default: formAction(requestPasswordReset, {
		onSuccess: () => ({ sent: true as const })
	})
};
