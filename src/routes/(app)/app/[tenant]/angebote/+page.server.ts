import type { PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http';
import { listOffers } from '$lib/server/offers/offers';
import { OFFER_STATUSES } from '$lib/server/offers/vocabulary';
import {
	getOrganization,
	listEditableOrganizations
} from '$lib/server/organizations/organizations';
import { pageParam, tenantFor } from './_shared/forms.server';
import { isUuid } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event);
	const ctx = event.locals.ctx;
	const q = event.url.searchParams;
	const status = q.get('status') ?? '';
	const organizationId = q.get('organisation') ?? '';
	const overdue = q.get('overdue') === '1';
	const [list, editable, organization] = await orNotFound(() =>
		Promise.all([
			listOffers(ctx, tenant.id, { status, organizationId, overdue, page: pageParam(event.url) }),
			listEditableOrganizations(ctx, tenant.id),
			isUuid(organizationId)
				? getOrganization(ctx, tenant.id, organizationId).catch(() => null)
				: Promise.resolve(null)
		])
	);
	return {
		tenant,
		list,
		statuses: OFFER_STATUSES,
		filter: {
			status: (OFFER_STATUSES as readonly string[]).includes(status) ? status : '',
			overdue,
			organization: organization ? { id: organization.id, name: organization.name } : null
		},
		canCreate: editable.length > 0
	};
};
