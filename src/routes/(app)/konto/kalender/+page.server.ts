import type { Actions, PageServerLoad } from './$types';
import { formAction, requestCtx } from '$lib/server/http';
import {
	calendarTokenInfo,
	deleteCalendarToken,
	resetCalendarToken
} from '$lib/server/invitations/feeds';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const info = await calendarTokenInfo(requestCtx(event));
	return { createdAt: info?.createdAt.toISOString() ?? null };
};

export const actions: Actions = {
	// The new address is returned once, in the answer to this POST; it is never stored.
	reset: formAction(resetCalendarToken, {
		onSuccess: (result) => ({ url: result.url })
	}),
	delete: formAction(deleteCalendarToken, {
		onSuccess: () => ({ success: m.invitations_feed_deleted() })
	})
};
