import { m } from '$lib/paraglide/messages';
import type { MailPayload } from './schema';
import { composeMail, type MailRecipient } from './compose';
import { dateText } from '../shared/date-text';

export function invitationMail(
	args: MailRecipient & { tenantName: string; inviterName: string; link: string; expiresAt: Date }
): MailPayload {
	const { locale } = args;
	const expires = dateText(args.expiresAt, locale);
	return composeMail(
		args,
		m.mail_invitation_subject({ tenant: args.tenantName }, { locale }),
		m.mail_invitation_body(
			{
				name: args.name,
				inviter: args.inviterName,
				tenant: args.tenantName,
				link: args.link,
				expires
			},
			{ locale }
		)
	);
}

export function passwordResetMail(args: MailRecipient & { link: string }): MailPayload {
	const { locale } = args;
	return composeMail(
		args,
		m.mail_reset_subject({}, { locale }),
		m.mail_reset_body({ name: args.name, link: args.link }, { locale })
	);
}
