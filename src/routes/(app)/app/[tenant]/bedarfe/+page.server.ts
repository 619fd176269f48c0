import type { Actions, PageServerLoad } from './$types';
import { needsPage } from '$lib/server/needs/list-needs';
import { setNeedStatus } from '$lib/server/needs/save-need';
import { needFilter, NEED_STATUSES, NEED_URGENCIES } from '$lib/server/needs/validation';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { needStatusLabel } from '$lib/components/needs/labels';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const filter = needFilter.parse(Object.fromEntries(event.url.searchParams));
	// After creating a need the form sends the person here with its id, to confirm it.
	const createdId = event.url.searchParams.get('erfasst');
	const { options, ...page } = await orNotFound(() => needsPage(ctx, { filter, createdId }));
	return {
		tenant: ctx.tenant,
		filter,
		...page,
		fields: options.fields,
		hasMunicipalities: options.municipalities.length > 0,
		statuses: NEED_STATUSES,
		urgencies: NEED_URGENCIES
	};
};

export const actions: Actions = {
	/** Close or reopen a need from the list. */
	status: formAction(setNeedStatus, {
		input: ({ values }) => ({ needId: str(values.id), status: str(values.status) }),
		onSuccess: (need) => ({
			success: m.needs_status_changed({
				title: need.title,
				status: needStatusLabel(need.status)
			})
		})
	})
};
