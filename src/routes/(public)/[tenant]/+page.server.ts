import type { PageServerLoad } from './$types';
import { publicTenantFamily } from '$lib/server/tenants/service';
import { listPublicOrganizations } from '$lib/server/organizations/lists';
import { tenantCtx } from '$lib/server/http';
import { feedLinks, tenantFeedPath } from '$lib/server/invitations/feed-links';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// Organisations kept by this tenant or taking part in it. Names and types only: public data.
	const [{ children, parent }, organizations] = await Promise.all([
		publicTenantFamily(ctx),
		listPublicOrganizations(ctx)
	]);
	return {
		tenant: ctx.tenant,
		children,
		parent,
		organizations,
		signedIn: !!event.locals.actor,
		calendar: feedLinks(event.url, tenantFeedPath(ctx.tenant.slug))
	};
};
