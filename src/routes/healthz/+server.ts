import type { RequestHandler } from './$types';
import { pingDatabase } from '$lib/server/db/health';

/** 200 when the database answers, 503 otherwise. Public; reveals nothing but the state. */
export const GET: RequestHandler = async ({ locals }) => {
	const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
	try {
		await pingDatabase(locals.ctx.db);
		return new Response(JSON.stringify({ status: 'ok' }), { status: 200, headers });
	} catch (err) {
		locals.log.error({ err }, 'health check: database does not answer');
		return new Response(JSON.stringify({ status: 'unavailable' }), { status: 503, headers });
	}
};
