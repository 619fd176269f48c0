import type { RequestHandler } from './$types';
import { internalExport } from '$lib/server/concept/export-response';
import { orNotFound } from '$lib/server/http';
import { conceptTenant } from '../_shared';

export const GET: RequestHandler = async (event) => {
	const { tenant } = await conceptTenant(event);
	return orNotFound(() =>
		internalExport(event.locals.ctx, tenant, event.url.searchParams.get('ausgabe'), 'html')
	);
};
