import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/http';
import { listPendingRevisions } from '$lib/server/offers/revisions';
import { listOffersInReview } from '$lib/server/offers/offers';
import { pageParam, tenantFor } from '../angebote/_shared/forms.server';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event);
	const ctx = event.locals.ctx;
	const [revisions, inReview] = await orNotFound(() =>
		Promise.all([
			listPendingRevisions(ctx, tenant.id, pageParam(event.url)),
			listOffersInReview(ctx, tenant.id)
		])
	);
	const decided = event.url.searchParams.get('decided');
	return {
		tenant,
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
