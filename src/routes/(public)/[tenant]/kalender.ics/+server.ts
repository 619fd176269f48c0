import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { tenantFeed } from '$lib/server/invitations/feeds';

/** The meetings of the tenant's public bodies as a calendar feed (no sign-in). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const ics = await tenantFeed(locals.ctx.db, locals.ctx.origin, params.tenant);
	if (!ics) error(404, m.error_not_found());
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="sitzungen-${params.tenant}.ics"`,
			'cache-control': 'public, max-age=900'
		}
	});
};
