import type { RequestHandler } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { dialogueIcs } from '$lib/server/participation/dialogues';

/** The dialogue as an iCalendar file (RFC 5545). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const { id, ics } = await orNotFound(() =>
		dialogueIcs(ctx, { processId: event.params.id, dialogueId: event.params.dialogue })
	);
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="dialog-${id}.ics"`
		}
	});
};
