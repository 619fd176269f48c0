import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { getOwnFigures, recordOwnValue } from '$lib/server/concept/district-figures';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const own = await orNotFound(() => getOwnFigures(ctx));
	return {
		tenant: ctx.tenant,
		own,
		canManage: can(ctx.actor, 'concept.manage', { tenantId: ctx.tenant.id })
	};
};

export const actions: Actions = {
	record: formAction(recordOwnValue, {
		form: 'record',
		input: ({ values }) => ({ ...values, indicatorId: str(values.indicatorId) }),
		onSuccess: () => ({ success: m.figures_own_saved() })
	})
};
