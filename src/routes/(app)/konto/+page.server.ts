import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/guards';
import { countActiveSessions, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { deleteMyAccount, erasureBlockers } from '$lib/server/privacy/erase';
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
	const [sessions, tenants, notifications, erasureBlockedBy] = await Promise.all([
		countActiveSessions(ctx.db, actor.userId),
		listMyTenants(ctx),
		getNotificationSettings(ctx),
		erasureBlockers(ctx)
	]);
	return {
		name: actor.name,
		email: actor.email,
		isPlatformAdmin: actor.isPlatformAdmin,
		sessions,
		notifications,
		roles: tenants.filter((t) => t.role).map((t) => ({ tenant: t.name, role: t.role })),
		erasureBlockedBy
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
	}),
	// Art. 17: the account and the person's data go; every session (this one too) has ended.
	erase: formAction(deleteMyAccount, {
		form: 'erase',
		// the password is left out of the values (never sent back), so it is read from the form
		input: ({ form, values }) => ({ ...values, password: form.get('password') ?? '' }),
		onSuccess: (_result, { event }) => {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
			redirect(303, '/abmelden?done&geloescht');
		}
	})
};
