import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { addFollowup, getInquiryStatus } from '$lib/server/inquiries/submit';
import { orNotFound } from '$lib/server/http';
import { runPublicAction } from '$lib/server/participation/routes';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantOf(locals: App.Locals, slug: string) {
	const tenant = await findPublicTenant(locals.ctx.db, slug);
	if (!tenant) error(404, m.error_not_found());
	return tenant;
}

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const tenant = await tenantOf(locals, params.tenant);
	const status = await orNotFound(() => getInquiryStatus(locals.ctx, tenant.id, params.token));
	// a private page: no search engines, no referrer
	setHeaders({ 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	return {
		tenant,
		status,
		isNew: url.searchParams.get('neu') === '1',
		link: url.origin + url.pathname
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const form = await request.formData();
		const values = keepValues(form);
		const result = await runPublicAction(values, () =>
			addFollowup(locals.ctx, tenant.id, params.token, { body: form.get('body') })
		);
		if (result && typeof result === 'object' && 'status' in result) return result;
		return { success: m.inquiries_followup_sent() };
	}
};
