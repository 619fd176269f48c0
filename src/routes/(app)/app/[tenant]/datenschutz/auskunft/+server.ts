import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { senderMessages } from '$lib/server/inquiries/sender-requests';
import { dataArchive, zipResponse } from '$lib/server/privacy/archive';
import { orNotFound, readForm, tenantCtx } from '$lib/server/http';
import { ValidationError } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages';

/**
 * A message sender's access request (Art. 15), answered by the coordinator: the tenant's
 * messages from the posted address as JSON, or (`format=zip`) as a ZIP with the JSON and a CSV
 * table each for the messages and the replies.
 */
export const POST: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const form = await readForm(event.request);
	const found = await orNotFound(async () => {
		try {
			return await senderMessages(ctx, { email: form.get('email') ?? '' });
		} catch (e) {
			if (e instanceof ValidationError) error(400, m.privacy_sender_email_invalid());
			throw e;
		}
	});
	const base = `anliegen-auskunft-${new Date().toISOString().slice(0, 10)}`;
	if (form.get('format') === 'zip')
		return zipResponse(
			dataArchive(base, found, { messages: found.messages, replies: found.entries }),
			`${base}.zip`
		);
	return new Response(JSON.stringify(found, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${base}.json"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
