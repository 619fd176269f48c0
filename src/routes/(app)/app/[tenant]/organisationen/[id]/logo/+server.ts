import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getLogo, logoResponse } from '$lib/server/organizations/logos';

/** The organisation's logo for the signed-in area (its own image type, never sniffed). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const logo = await orNotFound(() => getLogo(ctx, { organizationId: event.params.id }));
	return logoResponse(logo);
};
