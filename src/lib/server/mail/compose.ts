/** What every mail template shares: the recipient, the language and the footer. */
import { m } from '$lib/paraglide/messages';
import { isLocale, type Locale } from '$lib/paraglide/runtime';
import type { MailPayload } from './schema';

/** The languages of the signed-in area's mails. */
export type MailLocale = 'de' | 'en';

/** The languages of mails that answer a public form: all seven public languages. */
export type PublicMailLocale = Locale;

/**
 * A signed-in person's stored language as a mail language: English if 'en', else German (the
 * signed-in area and its mails exist in German and English).
 */
export function mailLocale(value: string | null | undefined): MailLocale {
	return value === 'en' ? 'en' : 'de';
}

/**
 * A public visitor's language as a mail language: the page's language when the mail answers a
 * public form (message acknowledgement and reply, dialogue registration), else German. These mail
 * texts exist in all seven public languages (the coverage test counts them as public).
 */
export function publicMailLocale(value: string | null | undefined): PublicMailLocale {
	return isLocale(value) ? value : 'de';
}

/** The recipient of a personal mail: address, name and language. */
export interface MailRecipient {
	to: string;
	name: string;
	locale: MailLocale;
}

/** A mail to `recipient.to`: the subject and the body followed by the common footer. */
export function composeMail(
	recipient: { to: string; locale: PublicMailLocale },
	subject: string,
	body: string
): MailPayload {
	return {
		to: recipient.to,
		subject,
		text: `${body}\n\n-- \n${m.mail_footer({}, { locale: recipient.locale })}`
	};
}
