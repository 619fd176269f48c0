import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { listOffersForNeedsReview, markOfferReviewed } from '$lib/server/needs/offer-review';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'needs.manage', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const page = pageParam.parse(event.url.searchParams.get('page') ?? 1);
	const list = await listOffersForNeedsReview(event.locals.ctx, tenant.id, page);
	return { tenant, page, ...list };
};

export const actions: Actions = {
	review: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const offerId = String(form.get('offerId') ?? '');
		const values = { offerId, note: String(form.get('note') ?? '') };
		const result = await runAction(values, () =>
			markOfferReviewed(event.locals.ctx, tenant.id, offerId, { note: values.note })
		);
		if (!('reviewedAt' in result)) return result;
		return { success: m.coverage_review_done({ title: result.title }) };
	}
};
