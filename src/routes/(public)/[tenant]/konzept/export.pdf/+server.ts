import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findPublicTenant } from '$lib/server/tenants/service';
import { publicExport } from '$lib/server/concept/export-response';
import { orNotFound } from '$lib/server/http';

export const GET: RequestHandler = async ({ locals, params }) => {
	const tenant = await findPublicTenant(locals.ctx.db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	return orNotFound(() => publicExport(locals.ctx, tenant, 'pdf'));
};
