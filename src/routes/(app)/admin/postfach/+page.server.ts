import type { PageServerLoad } from './$types';
import { listMailbox } from '$lib/server/mail/worker';
import { orNotFound, requestCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = requestCtx(event);
	const page = pageParam(event.url);
	const { rows, hasMore } = await orNotFound(() => listMailbox(ctx, { page }));
	return {
		page,
		hasMore,
		mails: rows.map((r) => ({
			id: r.id,
			to: r.payload.to,
			subject: r.payload.subject,
			text: r.payload.text,
			status: r.status,
			createdAt: r.createdAt,
			lastError: r.lastError
		}))
	};
};
