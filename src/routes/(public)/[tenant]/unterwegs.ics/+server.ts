import type { RequestHandler } from './$types';
import { tenantCtx } from '$lib/server/http';
import { touringFeed } from '$lib/server/touring/public';

/** The confirmed stops of touring projects in the tenant as a calendar feed (no sign-in). */
export const GET: RequestHandler = async (event) => {
	const ics = await touringFeed(tenantCtx(event));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="unterwegs-${event.params.tenant}.ics"`,
			'cache-control': 'public, max-age=900'
		}
	});
};
