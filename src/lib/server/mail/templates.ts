import { m } from '$lib/paraglide/messages';
import type { MailPayload } from './schema';

type Locale = 'de' | 'en';

function footer(locale: Locale): string {
	return `\n\n-- \n${m.mail_footer({}, { locale })}`;
}

export function invitationMail(args: {
	to: string;
	name: string;
	tenantName: string;
	inviterName: string;
	link: string;
	expiresAt: Date;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const expires = args.expiresAt.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
		dateStyle: 'long',
		timeZone: 'Europe/Berlin'
	});
	return {
		to: args.to,
		subject: m.mail_invitation_subject({ tenant: args.tenantName }, { locale }),
		text:
			m.mail_invitation_body(
				{
					name: args.name,
					inviter: args.inviterName,
					tenant: args.tenantName,
					link: args.link,
					expires
				},
				{ locale }
			) + footer(locale)
	};
}

export function passwordResetMail(args: {
	to: string;
	name: string;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	return {
		to: args.to,
		subject: m.mail_reset_subject({}, { locale }),
		text: m.mail_reset_body({ name: args.name, link: args.link }, { locale }) + footer(locale)
	};
}
