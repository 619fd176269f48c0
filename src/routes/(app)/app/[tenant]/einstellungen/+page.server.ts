import type { Actions, PageServerLoad } from './$types';
import { getTenantSettings, updateTenantSettings } from '$lib/server/tenants/settings';
import { accentOf, updateTenantBranding } from '$lib/server/tenants/branding';
import {
	getTenantLogoInfo,
	logoHref,
	removeTenantLogo,
	uploadTenantLogo
} from '$lib/server/tenants/logo';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const settings = await orNotFound(() => getTenantSettings(ctx));
	const logo = await orNotFound(() => getTenantLogoInfo(ctx));
	return {
		tenant: ctx.tenant,
		settings,
		accent: accentOf(settings),
		logo: logo
			? { href: logoHref(ctx.tenant.slug, logo.sha256), altText: logo.altText ?? '' }
			: null
	};
};

export const actions: Actions = {
	// named: SvelteKit refuses a default action beside named ones (the look's and the logo's forms)
	save: formAction(updateTenantSettings, {
		onSuccess: () => ({ success: m.settings_saved() })
	}),
	branding: formAction(updateTenantBranding, {
		form: 'branding',
		onSuccess: () => ({ formId: 'branding', success: m.brand_saved() })
	}),
	logo: formAction(uploadTenantLogo, {
		form: 'logo',
		input: async ({ form }) => {
			const file = form.get('logo');
			const altText = form.get('altText');
			return {
				content: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
				altText: typeof altText === 'string' ? altText : ''
			};
		},
		onSuccess: () => ({ formId: 'logo', success: m.tenant_logo_saved() })
	}),
	removeLogo: formAction(removeTenantLogo, {
		form: 'logo',
		onSuccess: () => ({ formId: 'logo', success: m.tenant_logo_removed() })
	})
};
