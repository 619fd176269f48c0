/** What every mail template shares: the recipient, the language and the footer. */
import { m } from '$lib/paraglide/messages';
import type { MailPayload } from './schema';

/** The languages mails are written in. */
export type MailLocale = 'de' | 'en';

/** The recipient of a personal mail: address, name and language. */
export interface MailRecipient {
	to: string;
	name: string;
	locale: MailLocale;
}

/** A mail to `recipient.to`: the subject and the body followed by the common footer. */
export function composeMail(
	recipient: { to: string; locale: MailLocale },
	subject: string,
	body: string
): MailPayload {
	return {
		to: recipient.to,
		subject,
		text: `${body}\n\n-- \n${m.mail_footer({}, { locale: recipient.locale })}`
	};
}
