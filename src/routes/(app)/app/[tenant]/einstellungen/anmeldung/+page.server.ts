import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import type { TenantCtx } from '$lib/server/context';
import {
	getTenantSso,
	removeTenantSso,
	saveTenantSso,
	tenantSsoCallbackPath
} from '$lib/server/auth/tenant-sso';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const sso = await orNotFound(() => getTenantSso(ctx));
	return {
		tenant: ctx.tenant,
		sso,
		callbackUrl: `${event.url.origin}${tenantSsoCallbackPath(ctx.tenant.slug)}`,
		signOutUrl: `${event.url.origin}/abmelden?done`,
		signInUrl: `${event.url.origin}/anmelden?netzwerk=${ctx.tenant.slug}`
	};
};

export const actions: Actions = {
	// the client secret is never sent back, not even with an error
	save: formAction((ctx: TenantCtx, input: unknown) => saveTenantSso(ctx, input), {
		form: 'save',
		omit: ['clientSecret', 'password', 'passwordConfirm', 'currentPassword'],
		input: ({ values, form }) => ({ ...values, clientSecret: form.get('clientSecret') ?? '' }),
		onSuccess: () => ({ success: m.tenant_sso_saved() })
	}),
	remove: formAction((ctx: TenantCtx) => removeTenantSso(ctx), {
		form: 'remove',
		onSuccess: () => ({ success: m.tenant_sso_removed() })
	})
};
