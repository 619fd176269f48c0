import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { publicNewsImage } from '$lib/server/news/views';
import { logoResponse } from '$lib/server/organizations/logos';

/** The image of a visible news item, served like organisation logos (own type, sandboxed). */
export const GET: RequestHandler = async (event) => {
	const image = await publicNewsImage(tenantCtx(event), { id: event.params.id });
	if (!image) error(404, m.error_not_found());
	return logoResponse(image, 'public, no-cache');
};
