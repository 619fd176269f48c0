import type { PageServerLoad } from './$types';
import { z } from 'zod';
import { requireActor } from '$lib/server/guards';
import { listMailbox } from '$lib/server/mail/worker';
import { orNotFound } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const page = z.coerce
		.number()
		.int()
		.min(1)
		.catch(1)
		.parse(event.url.searchParams.get('page') ?? 1);
	const { rows, hasMore } = await orNotFound(() => listMailbox(event.locals.ctx, page));
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
