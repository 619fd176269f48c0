import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { bodyFeed } from '$lib/server/invitations/feeds';
import { tenantCtx } from '$lib/server/http';

/** The meetings of one public body as a calendar feed (no sign-in). */
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	const ics = await bodyFeed(tenantCtx(event), { bodyId: params.body });
	if (!ics) error(404, m.error_not_found());
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="gremium-${params.body}.ics"`,
			'cache-control': 'public, max-age=900'
		}
	});
};
