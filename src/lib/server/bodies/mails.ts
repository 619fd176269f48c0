import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import { composeMail, type MailRecipient } from '../mail/compose';

/** To the body's speakers (or the coordinators): someone asks to join. */
export function joinRequestMail(
	args: MailRecipient & {
		requester: string;
		organization: string | null;
		message: string | null;
		bodyName: string;
		link: string;
	}
): MailPayload {
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
	return composeMail(
		args,
		m.bodies_mail_request_subject({ body: args.bodyName }, { locale }),
		parts.join('\n\n')
	);
}

/** To the person who asked: their request was accepted or declined. */
export function joinDecisionMail(
	args: MailRecipient & { bodyName: string; accepted: boolean; link: string }
): MailPayload {
	const { locale } = args;
	const params = { name: args.name, body: args.bodyName, link: args.link };
	return args.accepted
		? composeMail(
				args,
				m.bodies_mail_accepted_subject({ body: args.bodyName }, { locale }),
				m.bodies_mail_accepted_body(params, { locale })
			)
		: composeMail(
				args,
				m.bodies_mail_declined_subject({ body: args.bodyName }, { locale }),
				m.bodies_mail_declined_body(params, { locale })
			);
}
