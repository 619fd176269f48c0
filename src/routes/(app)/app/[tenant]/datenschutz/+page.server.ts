import type { Actions, PageServerLoad } from './$types';
import { processingRecord } from '$lib/server/privacy/processing';
import { eraseSenderMessages, senderMessages } from '$lib/server/inquiries/sender-requests';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// the coordinator's page (the same permission as the record of processing)
	await orNotFound(() => processingRecord(ctx));
	return { tenant: ctx.tenant };
};

// The address is sent by form post (never in a link, so it stays out of logs and history).
export const actions: Actions = {
	find: formAction(senderMessages, {
		form: 'find',
		onSuccess: (found) => ({ found: { email: found.email, count: found.messages.length } })
	}),
	erase: formAction(eraseSenderMessages, {
		form: 'erase',
		onSuccess: (count) => ({ success: m.privacy_sender_erased({ count }) })
	})
};
