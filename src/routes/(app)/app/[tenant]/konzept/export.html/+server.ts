import type { RequestHandler } from './$types';
import { internalExport } from '$lib/server/concept/export-response';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	return orNotFound(() =>
		internalExport(ctx, { editionId: event.url.searchParams.get('ausgabe'), format: 'html' })
	);
};
