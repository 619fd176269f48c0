import type { Actions, PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { submitInquiry, statusPath } from '$lib/server/inquiries/submit';
import { INQUIRY_KINDS } from '$lib/server/inquiries/schema';
import { issueChallenge, POW_DIFFICULTY } from '$lib/server/inquiries/spam';
import { DEFAULT_RETENTION_DAYS } from '$lib/server/inquiries/validation';
import { tenants } from '$lib/server/tenants/schema';
import { eq } from 'drizzle-orm';
import { runPublicAction } from '$lib/server/participation/routes';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

async function tenantOf(locals: App.Locals, slug: string) {
	const tenant = await findPublicTenant(locals.ctx.db, slug);
	if (!tenant) error(404, m.error_not_found());
	return tenant;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const tenant = await tenantOf(locals, params.tenant);
	const [row] = await locals.ctx.db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, tenant.id));
	return {
		tenant,
		kinds: INQUIRY_KINDS,
		challenge: issueChallenge(),
		difficulty: POW_DIFFICULTY,
		retentionDays: row?.settings.inquiryRetentionDays ?? DEFAULT_RETENTION_DAYS
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const form = await request.formData();
		const values = keepValues(form, ['website', 'challenge', 'pow']);
		const raw = Object.fromEntries(
			[...form.entries()].filter(([, v]) => typeof v === 'string')
		) as Record<string, string>;
		const result = await runPublicAction(values, () => submitInquiry(locals.ctx, tenant.id, raw));
		if (!('token' in result)) return result;
		redirect(303, `${statusPath(tenant.slug, result.token)}?neu=1`);
	}
};
