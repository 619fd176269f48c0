import type { RequestHandler } from './$types';
import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';
import { users } from '$lib/server/auth/schema';

/** Switches the UI language (works without JavaScript) and returns to the page. */
export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	const target = String(form.get('redirectTo') ?? '/');
	// Only same-site paths: no open redirect.
	const safeTarget =
		target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/';
	if (isLocale(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		if (locals.actor) {
			await locals.ctx.db.update(users).set({ locale }).where(eq(users.id, locals.actor.userId));
		}
	}
	redirect(303, safeTarget);
};
