import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { countActiveSessions } from '$lib/server/auth/sessions';
import { listMyTenants } from '$lib/server/tenants/service';
import { changeName, changePassword } from '$lib/server/auth/account';
import { runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ctx = event.locals.ctx;
	const [sessions, tenants] = await Promise.all([
		countActiveSessions(ctx.db, actor.userId),
		listMyTenants(ctx)
	]);
	return {
		name: actor.name,
		email: actor.email,
		isPlatformAdmin: actor.isPlatformAdmin,
		sessions,
		roles: tenants.filter((t) => t.role).map((t) => ({ tenant: t.name, role: t.role }))
	};
};

export const actions: Actions = {
	name: async (event) => {
		requireActor(event);
		const form = await event.request.formData();
		const result = await runAction(keepValues(form), async () => {
			await changeName(event.locals.ctx, { name: form.get('name') ?? '' });
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.account_name_saved() };
	},
	password: async (event) => {
		requireActor(event);
		const form = await event.request.formData();
		const result = await runAction({}, async () => {
			await changePassword(event.locals.ctx, event.locals.sessionToken, {
				currentPassword: form.get('currentPassword') ?? '',
				password: form.get('password') ?? '',
				passwordConfirm: form.get('passwordConfirm') ?? ''
			});
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.account_password_saved() };
	}
};
