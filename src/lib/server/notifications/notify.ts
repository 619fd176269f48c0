/**
 * Gives a person a notification in the caller's transaction, as their setting for its kind says:
 * a mail through the outbox now, an entry of the weekly digest, or nothing. Idempotent: the
 * same key for the same person is given once (a rerun of a job or a repeated trigger sends
 * nothing more).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { enqueueMail } from '../mail/enqueue';
import { mailLocale, type MailLocale, type MailRecipient } from '../mail/compose';
import type { MailPayload } from '../mail/schema';
import {
	notifications,
	notificationSettings,
	type NotificationKind,
	type NotificationMode
} from './schema';

/** Where a person changes their notification settings. */
export function settingsLink(origin: string): string {
	return `${origin}/konto#benachrichtigungen`;
}

/** The mail's text with the line that links to the settings, before the common footer. */
export function withSettingsLine(payload: MailPayload, origin: string, locale: MailLocale) {
	const line = m.workspace_mail_settings_line({ link: settingsLink(origin) }, { locale });
	const footer = payload.text.lastIndexOf('\n\n-- \n');
	const text =
		footer < 0
			? `${payload.text}\n\n${line}`
			: `${payload.text.slice(0, footer)}\n\n${line}${payload.text.slice(footer)}`;
	return { ...payload, text };
}

export async function modeOf(
	db: Executor,
	userId: string,
	kind: NotificationKind
): Promise<NotificationMode> {
	const [row] = await db
		.select({ mode: notificationSettings.mode })
		.from(notificationSettings)
		.where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.kind, kind)));
	return row?.mode ?? 'immediate';
}

export type NotifyResult = 'mailed' | 'queued' | 'off' | 'duplicate' | 'nobody';

/**
 * `mail` writes the notification for the recipient (in their language); `link` is the page of
 * the task (the digest links it). Disabled accounts get nothing.
 */
export async function notify(
	tx: Executor,
	args: {
		origin: string;
		tenantId: string;
		userId: string;
		kind: NotificationKind;
		key: string;
		link: string;
		mail: (recipient: MailRecipient) => MailPayload;
	}
): Promise<NotifyResult> {
	const [person] = await tx
		.select({ email: users.email, name: users.name, locale: users.locale })
		.from(users)
		.where(and(eq(users.id, args.userId), isNull(users.disabledAt)));
	if (!person) return 'nobody';
	const mode = await modeOf(tx, args.userId, args.kind);
	if (mode === 'off') return 'off';
	const locale = mailLocale(person.locale);
	const payload = withSettingsLine(
		args.mail({ to: person.email, name: person.name, locale }),
		args.origin,
		locale
	);
	const inserted = await tx
		.insert(notifications)
		.values({
			tenantId: args.tenantId,
			userId: args.userId,
			kind: args.kind,
			key: args.key,
			mode,
			subject: payload.subject,
			link: args.link
		})
		.onConflictDoNothing()
		.returning({ id: notifications.id });
	if (inserted.length === 0) return 'duplicate';
	if (mode === 'weekly') return 'queued';
	await enqueueMail(tx, args.tenantId, payload);
	return 'mailed';
}
