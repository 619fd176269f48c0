import type { PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import { assigneeOptions, inquiryStatistics, listInquiries } from '$lib/server/inquiries/inbox';
import { inboxFilter } from '$lib/server/inquiries/validation';
import { INQUIRY_KINDS, INQUIRY_STATES } from '$lib/server/inquiries/schema';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event, 'inquiries.manage');
	const ctx = event.locals.ctx;
	const filter = inboxFilter.parse(Object.fromEntries(event.url.searchParams));
	const [list, stats, people] = await Promise.all([
		listInquiries(ctx, tenant.id, filter),
		inquiryStatistics(ctx, tenant.id),
		assigneeOptions(ctx, tenant.id)
	]);
	return { tenant, filter, ...list, stats, people, kinds: INQUIRY_KINDS, states: INQUIRY_STATES };
};
