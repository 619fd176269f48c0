import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { assigneeOptions, inquiryStatistics, listInquiries } from '$lib/server/inquiries/inbox';
import { inboxFilter, INQUIRY_KINDS, INQUIRY_STATES } from '$lib/server/inquiries/validation';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const filter = inboxFilter.parse(Object.fromEntries(event.url.searchParams));
	const [list, stats, people] = await orNotFound(() =>
		Promise.all([listInquiries(ctx, filter), inquiryStatistics(ctx), assigneeOptions(ctx)])
	);
	return {
		tenant: ctx.tenant,
		filter,
		...list,
		stats,
		people,
		kinds: INQUIRY_KINDS,
		states: INQUIRY_STATES
	};
};
