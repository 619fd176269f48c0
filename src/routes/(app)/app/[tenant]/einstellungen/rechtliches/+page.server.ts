import type { Actions, PageServerLoad } from './$types';
import { getLegalSettings, updateLegalSettings } from '$lib/server/tenants/legal';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const legal = await orNotFound(() => getLegalSettings(ctx));
	return { tenant: ctx.tenant, legal };
};

export const actions: Actions = {
	default: formAction(updateLegalSettings, {
		onSuccess: () => ({ success: m.legal_settings_saved() })
	})
};
