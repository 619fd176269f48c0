import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { dialogueCalendar, getDialogue } from '$lib/server/participation/dialogues';
import { NotFoundError } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages';

/** The dialogue as an iCalendar file (RFC 5545). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, origin } = locals.ctx;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const dialogue = await getDialogue(db, tenant.id, params.dialogue, { staff: false }).catch(
		(e) => {
			if (e instanceof NotFoundError) error(404, m.error_not_found());
			throw e;
		}
	);
	if (dialogue.processId !== params.id) error(404, m.error_not_found());
	const url = `${origin}/${tenant.slug}/beteiligung/${dialogue.processId}/dialoge/${dialogue.id}`;
	return new Response(dialogueCalendar(dialogue, url), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="dialog-${dialogue.id}.ics"`
		}
	});
};
