import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';

type Locale = 'de' | 'en';

function footer(locale: Locale): string {
	return `\n\n-- \n${m.mail_footer({}, { locale })}`;
}

/** To the sender: we received your message; reference number and private status link. */
export function acknowledgementMail(args: {
	to: string;
	name: string | null;
	tenantName: string;
	reference: string;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	return {
		to: args.to,
		subject: m.inquiries_mail_ack_subject(
			{ reference: args.reference, tenant: args.tenantName },
			{ locale }
		),
		text:
			m.inquiries_mail_ack_body(
				{
					greeting: args.name
						? m.inquiries_mail_greeting_name({ name: args.name }, { locale })
						: m.inquiries_mail_greeting({}, { locale }),
					tenant: args.tenantName,
					reference: args.reference,
					link: args.link
				},
				{ locale }
			) + footer(locale)
	};
}

/** To the sender: the answer, sent from the inbox and kept with the message. */
export function replyMail(args: {
	to: string;
	name: string | null;
	tenantName: string;
	reference: string;
	reply: string;
	author: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	return {
		to: args.to,
		subject: m.inquiries_mail_reply_subject(
			{ reference: args.reference, tenant: args.tenantName },
			{ locale }
		),
		text:
			m.inquiries_mail_reply_body(
				{
					greeting: args.name
						? m.inquiries_mail_greeting_name({ name: args.name }, { locale })
						: m.inquiries_mail_greeting({}, { locale }),
					reference: args.reference,
					reply: args.reply,
					author: args.author,
					tenant: args.tenantName
				},
				{ locale }
			) + footer(locale)
	};
}
