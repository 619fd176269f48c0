import type { Actions, PageServerLoad } from './$types';
import { listOffersForNeedsReview, markOfferReviewed } from '$lib/server/needs/offer-review';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { pageParam } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = pageParam(event.url);
	const list = await orNotFound(() => listOffersForNeedsReview(ctx, { page }));
	return { tenant: ctx.tenant, page, ...list };
};

export const actions: Actions = {
	review: formAction(markOfferReviewed, {
		input: ({ values }) => ({ offerId: String(values.offerId ?? ''), note: values.note ?? '' }),
		onSuccess: ({ title }) => ({ success: m.coverage_review_done({ title }) })
	})
};
