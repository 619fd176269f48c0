import type { RequestHandler } from './$types';
import { handleOParl } from '$lib/server/oparl/handler';

/**
 * The OParl 1.1 interface (read only). Absolute URLs use the configured public origin, so ids
 * stay the same behind a proxy.
 */
const handler: RequestHandler = async (event) => {
	const ctx = event.locals.ctx;
	const url = new URL(event.url.pathname + event.url.search, ctx.origin);
	const res = await handleOParl(ctx.db, url, {
		headers: event.request.headers,
		method: event.request.method
	});
	const body = event.request.method === 'HEAD' ? null : res.body;
	return new Response(body as BodyInit | null, { status: res.status, headers: res.headers });
};

export const GET = handler;
export const HEAD = handler;
export const OPTIONS = handler;
export const fallback = handler;
