import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { countActiveSessions } from '$lib/server/auth/sessions';
import { listMyTenants } from '$lib/server/tenants/service';
import { changeName, changePassword } from '$lib/server/auth/account';
import { formAction, requestCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import {
	getNotificationSettings,
	saveNotificationSettings
} from '$lib/server/notifications/settings';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ctx = requestCtx(event);
	const [sessions, tenants, notifications] = await Promise.all([
		countActiveSessions(ctx.db, actor.userId),
		listMyTenants(ctx),
		getNotificationSettings(ctx)
	]);
	return {
		name: actor.name,
		email: actor.email,
		isPlatformAdmin: actor.isPlatformAdmin,
		sessions,
		notifications,
		roles: tenants.filter((t) => t.role).map((t) => ({ tenant: t.name, role: t.role }))
	};
};

export const actions: Actions = {
	notifications: formAction(saveNotificationSettings, {
		form: 'notifications',
		onSuccess: () => ({ success: m.workspace_notifications_saved(), formId: 'notifications' })
	}),
	name: formAction(changeName, {
		onSuccess: () => ({ success: m.account_name_saved() })
	}),
	// The passwords are read from the form and never sent back; this session stays signed in.
	password: formAction(changePassword, {
		input: ({ form, event }) => ({
			sessionToken: event.locals.sessionToken,
			currentPassword: form.get('currentPassword') ?? '',
			password: form.get('password') ?? '',
			passwordConfirm: form.get('passwordConfirm') ?? ''
		}),
		onSuccess: () => ({ success: m.account_password_saved() })
	})
};
