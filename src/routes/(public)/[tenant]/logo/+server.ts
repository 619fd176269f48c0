import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { publicTenantLogo, tenantLogoResponse } from '$lib/server/tenants/logo';

/** The network's logo (PNG, JPEG or WebP) for its public header; 304 for a matching ETag. */
export const GET: RequestHandler = async (event) => {
	const logo = await orNotFound(() => publicTenantLogo(tenantCtx(event)));
	return tenantLogoResponse(logo, event.request);
};
