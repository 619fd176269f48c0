import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import { composeMail, type PublicMailLocale } from '../mail/compose';

/** The greeting with the sender's name when they gave one. */
function greeting(name: string | null, locale: PublicMailLocale): string {
	return name
		? m.inquiries_mail_greeting_name({ name }, { locale })
		: m.inquiries_mail_greeting({}, { locale });
}

/** To the sender: we received your message; reference number and private status link. */
export function acknowledgementMail(args: {
	to: string;
	name: string | null;
	tenantName: string;
	reference: string;
	link: string;
	locale: PublicMailLocale;
}): MailPayload {
	const { locale } = args;
	return composeMail(
		args,
		m.inquiries_mail_ack_subject(
			{ reference: args.reference, tenant: args.tenantName },
			{ locale }
		),
		m.inquiries_mail_ack_body(
			{
				greeting: greeting(args.name, locale),
				tenant: args.tenantName,
				reference: args.reference,
				link: args.link
			},
			{ locale }
		)
	);
}

/** To the sender: the answer, sent from the inbox and kept with the message. */
export function replyMail(args: {
	to: string;
	name: string | null;
	tenantName: string;
	reference: string;
	reply: string;
	author: string;
	locale: PublicMailLocale;
}): MailPayload {
	const { locale } = args;
	return composeMail(
		args,
		m.inquiries_mail_reply_subject(
			{ reference: args.reference, tenant: args.tenantName },
			{ locale }
		),
		m.inquiries_mail_reply_body(
			{
				greeting: greeting(args.name, locale),
				reference: args.reference,
				reply: args.reply,
				author: args.author,
				tenant: args.tenantName
			},
			{ locale }
		)
	);
}
