import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';

type Locale = 'de' | 'en';

export function mailLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : 'de';
}

function footer(locale: Locale): string {
	return `\n\n-- \n${m.mail_footer({}, { locale })}`;
}

/** To the body's speakers (or the coordinators): someone asks to join. */
export function joinRequestMail(args: {
	to: string;
	name: string;
	requester: string;
	organization: string | null;
	message: string | null;
	bodyName: string;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const parts: string[] = [
		m.bodies_mail_request_body(
			{ name: args.name, requester: args.requester, body: args.bodyName },
			{ locale }
		)
	];
	if (args.organization)
		parts.push(m.bodies_mail_request_organization({ organization: args.organization }, { locale }));
	if (args.message) parts.push(`${m.bodies_mail_request_message({}, { locale })}\n${args.message}`);
	parts.push(m.bodies_mail_request_link({ link: args.link }, { locale }));
	return {
		to: args.to,
		subject: m.bodies_mail_request_subject({ body: args.bodyName }, { locale }),
		text: parts.join('\n\n') + footer(locale)
	};
}

/** To the person who asked: their request was accepted or declined. */
export function joinDecisionMail(args: {
	to: string;
	name: string;
	bodyName: string;
	accepted: boolean;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const params = { name: args.name, body: args.bodyName, link: args.link };
	return {
		to: args.to,
		subject: args.accepted
			? m.bodies_mail_accepted_subject({ body: args.bodyName }, { locale })
			: m.bodies_mail_declined_subject({ body: args.bodyName }, { locale }),
		text:
			(args.accepted
				? m.bodies_mail_accepted_body(params, { locale })
				: m.bodies_mail_declined_body(params, { locale })) + footer(locale)
	};
}
