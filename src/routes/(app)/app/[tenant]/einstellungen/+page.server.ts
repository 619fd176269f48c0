import type { Actions, PageServerLoad } from './$types';
import { getTenantSettings, updateTenantSettings } from '$lib/server/tenants/settings';
import { accentOf, updateTenantBranding } from '$lib/server/tenants/branding';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const settings = await orNotFound(() => getTenantSettings(ctx));
	return { tenant: ctx.tenant, settings, accent: accentOf(settings) };
};

export const actions: Actions = {
	default: formAction(updateTenantSettings, {
		onSuccess: () => ({ success: m.settings_saved() })
	}),
	branding: formAction(updateTenantBranding, {
		form: 'branding',
		onSuccess: () => ({ formId: 'branding', success: m.brand_saved() })
	})
};
