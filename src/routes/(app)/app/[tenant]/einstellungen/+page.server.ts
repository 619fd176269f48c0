import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { getTenantSettings, updateTenantSettings } from '$lib/server/tenants/settings';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const settings = await orNotFound(() => getTenantSettings(ctx, tenant.id));
	return { tenant, settings };
};

export const actions: Actions = {
	default: async (event) => {
		requireActor(event);
		const ctx = event.locals.ctx;
		const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			updateTenantSettings(ctx, tenant.id, {
				publicDescription: form.get('publicDescription') ?? '',
				publicContactEmail: form.get('publicContactEmail') ?? '',
				offerConfirmationMonths: form.get('offerConfirmationMonths') ?? '',
				inquiryRetentionDays: form.get('inquiryRetentionDays') ?? ''
			})
		);
		if (result && typeof result === 'object' && 'status' in result && 'data' in result)
			return result;
		return { success: m.settings_saved() };
	}
};
