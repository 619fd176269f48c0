import type { RequestHandler } from './$types';
import { publicExport } from '$lib/server/concept/export-response';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	return orNotFound(() => publicExport(ctx, { format: 'html' }));
};
