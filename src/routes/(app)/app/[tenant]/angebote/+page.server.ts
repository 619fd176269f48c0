import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { listOffers } from '$lib/server/offers/list';
import { OFFER_STATUSES } from '$lib/server/offers/vocabulary';
import {
	getOrganization,
	listEditableOrganizations
} from '$lib/server/organizations/organizations';
import { isUuid, pageParam } from '$lib/server/shared';
import { can } from '$lib/server/auth/policy';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const q = event.url.searchParams;
	const status = q.get('status') ?? '';
	const organizationId = q.get('organisation') ?? '';
	const overdue = q.get('overdue') === '1';
	const [list, editable, organization] = await orNotFound(() =>
		Promise.all([
			listOffers(ctx, { status, organizationId, overdue, page: pageParam(event.url) }),
			listEditableOrganizations(ctx),
			isUuid(organizationId)
				? getOrganization(ctx, { organizationId }).catch(() => null)
				: Promise.resolve(null)
		])
	);
	return {
		tenant: ctx.tenant,
		list,
		statuses: OFFER_STATUSES,
		filter: {
			status: (OFFER_STATUSES as readonly string[]).includes(status) ? status : '',
			overdue,
			organization: organization ? { id: organization.id, name: organization.name } : null
		},
		canCreate: editable.length > 0,
		// the list of offers whose public contact falls back (listContactFallbacks authorises too)
		canReview: can(ctx.actor, 'offer.review', { tenantId: ctx.tenant.id })
	};
};
