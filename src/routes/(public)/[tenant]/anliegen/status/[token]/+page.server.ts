import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { addFollowup, getInquiryStatus } from '$lib/server/inquiries/submit';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const status = await orNotFound(() => getInquiryStatus(ctx, { token: event.params.token }));
	// a private page: no search engines, no referrer
	event.setHeaders({ 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	return {
		tenant: ctx.tenant,
		status,
		isNew: event.url.searchParams.get('neu') === '1',
		link: event.url.origin + event.url.pathname
	};
};

export const actions: Actions = {
	default: formAction(addFollowup, {
		rateLimitMessage: (minutes: number) => m.inquiries_error_rate_limited({ minutes }),
		input: ({ values, params }) => ({ body: values.body, token: params.token }),
		onSuccess: () => ({ success: m.inquiries_followup_sent() })
	})
};
