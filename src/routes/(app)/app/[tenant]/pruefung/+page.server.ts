import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { listPendingRevisions } from '$lib/server/offers/revisions';
import { listOffersInReview } from '$lib/server/offers/list';
import { pageParam } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const [revisions, inReview] = await orNotFound(() =>
		Promise.all([
			listPendingRevisions(ctx, { page: pageParam(event.url) }),
			listOffersInReview(ctx)
		])
	);
	const decided = event.url.searchParams.get('decided');
	return {
		tenant: ctx.tenant,
		revisions,
		inReview,
		success:
			decided === 'approved'
				? m.offers_review_approved()
				: decided === 'rejected'
					? m.offers_review_rejected()
					: null
	};
};
