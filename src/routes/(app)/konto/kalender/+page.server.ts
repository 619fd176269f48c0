import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { runAction } from '$lib/server/http';
import {
	calendarTokenInfo,
	deleteCalendarToken,
	resetCalendarToken
} from '$lib/server/invitations/feeds';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const info = await calendarTokenInfo(event.locals.ctx);
	return { createdAt: info?.createdAt.toISOString() ?? null };
};

export const actions: Actions = {
	// The new address is returned once, in the answer to this POST; it is never stored.
	reset: async (event) => {
		requireActor(event);
		const result = await runAction({}, () => resetCalendarToken(event.locals.ctx));
		if (!('url' in result)) return result;
		return { url: result.url };
	},
	delete: async (event) => {
		requireActor(event);
		const result = await runAction({}, async () => {
			await deleteCalendarToken(event.locals.ctx);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.invitations_feed_deleted() };
	}
};
