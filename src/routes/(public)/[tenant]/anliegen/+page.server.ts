import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { formAction, tenantCtx } from '$lib/server/http';
import { submitInquiry, statusPath } from '$lib/server/inquiries/submit';
import { retentionDays } from '$lib/server/inquiries/retention';
import { INQUIRY_KINDS } from '$lib/server/inquiries/validation';
import {
	issueChallenge,
	keptChallenge,
	POW_DIFFICULTY,
	SPAM_FIELDS
} from '$lib/server/inquiries/spam';
import { formValues } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return {
		tenant: ctx.tenant,
		kinds: INQUIRY_KINDS,
		// "Barriere melden" links from every page and the accessibility statement choose the kind
		presetKind: event.url.searchParams.get('art') === 'barrierefreiheit' ? 'accessibility' : '',
		challenge: issueChallenge(),
		difficulty: POW_DIFFICULTY,
		retentionDays: await retentionDays(ctx)
	};
};

export const actions: Actions = {
	default: formAction(submitInquiry, {
		omit: SPAM_FIELDS,
		keep: keptChallenge,
		rateLimitMessage: (minutes: number) => m.inquiries_error_rate_limited({ minutes }),
		input: ({ form }) => formValues(form),
		onSuccess: ({ token }, { ctx }) => redirect(303, `${statusPath(ctx.tenant.slug, token)}?neu=1`)
	})
};
