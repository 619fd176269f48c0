import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { requestCtx } from '$lib/server/http';
import { exportMyData, personalDataFile } from '$lib/server/privacy/export';

/** GDPR access (Art. 15): the signed-in person's data as a JSON download; nobody else's. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const file = personalDataFile(await exportMyData(requestCtx(event)));
	return new Response(file.body, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${file.name}"`,
			'Cache-Control': 'no-store'
		}
	});
};
