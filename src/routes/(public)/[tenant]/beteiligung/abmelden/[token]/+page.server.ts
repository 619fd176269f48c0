import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { formAction, tenantCtx } from '$lib/server/http';
import {
	cancelRegistration,
	findRegistrationByToken
} from '$lib/server/participation/registrations';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const registration = await findRegistrationByToken(ctx, { token: event.params.token });
	if (!registration) error(404, m.error_not_found());
	event.setHeaders({ 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	return { tenant: ctx.tenant, registration };
};

export const actions: Actions = {
	default: formAction(cancelRegistration, {
		input: ({ params }) => ({ token: params.token }),
		onSuccess: () => ({ success: m.participation_cancelled() })
	})
};
