import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './auth/actor';

/** Sends anonymous visitors to the sign-in page and back here afterwards. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (!actor) {
		redirect(303, `/anmelden?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	return actor;
}
