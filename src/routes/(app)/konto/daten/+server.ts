import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { requestCtx } from '$lib/server/http';
import { exportMyData, personalDataArchive, personalDataFile } from '$lib/server/privacy/export';
import { zipResponse } from '$lib/server/privacy/archive';

/**
 * GDPR access (Art. 15): the signed-in person's data as a JSON download, or with `?format=zip`
 * as a ZIP archive of the JSON and a CSV table per section; nobody else's.
 */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const exported = await exportMyData(requestCtx(event));
	if (event.url.searchParams.get('format') === 'zip') {
		const archive = personalDataArchive(exported);
		return zipResponse(archive.body, archive.name);
	}
	const file = personalDataFile(exported);
	return new Response(file.body, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${file.name}"`,
			'Cache-Control': 'no-store'
		}
	});
};
