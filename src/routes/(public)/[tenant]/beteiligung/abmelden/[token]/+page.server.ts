import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { cancelRegistration, findRegistrationByToken } from '$lib/server/participation/dialogues';
import { runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

async function tenantOf(locals: App.Locals, slug: string) {
	const tenant = await findPublicTenant(locals.ctx.db, slug);
	if (!tenant) error(404, m.error_not_found());
	return tenant;
}

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const tenant = await tenantOf(locals, params.tenant);
	const registration = await findRegistrationByToken(locals.ctx.db, tenant.id, params.token);
	if (!registration) error(404, m.error_not_found());
	setHeaders({ 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	return { tenant, registration };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const r = await runAction({}, () => cancelRegistration(locals.ctx, tenant.id, params.token));
		return r ?? { success: m.participation_cancelled() };
	}
};
