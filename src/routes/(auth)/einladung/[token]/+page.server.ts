import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { acceptInvitation, findInvitation } from '$lib/server/auth/invitations';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { runAction, sessionCookieOptions } from '$lib/server/http';
import { tenants } from '$lib/server/tenants/schema';
import { eq } from 'drizzle-orm';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await findInvitation(locals.ctx, params.token);
	// Only what the invitee needs to see.
	return { invitation };
};

export const actions: Actions = {
	default: async ({ request, locals, params, cookies, url }) => {
		const form = await request.formData();
		const result = await runAction({}, () =>
			acceptInvitation(locals.ctx, params.token, {
				password: form.get('password') ?? '',
				passwordConfirm: form.get('passwordConfirm') ?? ''
			})
		);
		if (!('token' in result)) return result;
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
		const [tenant] = await locals.ctx.db
			.select({ slug: tenants.slug })
			.from(tenants)
			.where(eq(tenants.id, result.tenantId));
		redirect(303, tenant ? `/app/${tenant.slug}` : '/app');
	}
};
