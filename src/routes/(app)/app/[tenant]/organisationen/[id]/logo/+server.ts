import type { RequestHandler } from './$types';
import { orNotFound } from '$lib/server/http';
import { getLogo, logoResponse } from '$lib/server/organizations/logos';
import { tenantFor } from '../../../angebote/_shared/forms.server';

/** The organisation's logo for the signed-in area (its own image type, never sniffed). */
export const GET: RequestHandler = async (event) => {
	const { tenant } = await tenantFor(event);
	const logo = await orNotFound(() => getLogo(event.locals.ctx, tenant.id, event.params.id));
	return logoResponse(logo);
};
