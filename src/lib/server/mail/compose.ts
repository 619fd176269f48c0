/** What every mail template shares: the recipient, the language and the footer. */
import { m } from '$lib/paraglide/messages';
import type { MailPayload } from './schema';

/** The languages mails are written in. */
export type MailLocale = 'de' | 'en';

/** A person's stored language as a mail language: English if 'en', else German. */
export function mailLocale(value: string | null | undefined): MailLocale {
	return value === 'en' ? 'en' : 'de';
}

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
