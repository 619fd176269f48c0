import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import { composeMail, type MailRecipient } from '../mail/compose';
import { dateText } from '../shared/date-text';

/** To coordinators and the addressed body's speakers: a paper was submitted. */
export function paperSubmittedMail(
	args: MailRecipient & { reference: string; title: string; state: string; link: string }
): MailPayload {
	const { locale } = args;
	return composeMail(
		args,
		m.papers_mail_submitted_subject({ reference: args.reference }, { locale }),
		m.papers_mail_submitted_body(
			{ name: args.name, reference: args.reference, title: args.title, link: args.link },
			{ locale }
		)
	);
}

/** To the originating body and the bodies with instructions: the result of a consultation. */
export function paperDecidedMail(
	args: MailRecipient & {
		reference: string;
		title: string;
		result: string;
		resultText: string | null;
		instructions: { body: string; text: string; dueDate: string | null }[];
		link: string;
	}
): MailPayload {
	const { locale } = args;
	const lines = args.instructions.map(
		(i) =>
			`- ${i.body}: ${i.text}` +
			(i.dueDate
				? ` (${m.papers_mail_due({ date: dateText(i.dueDate, locale) }, { locale })})`
				: '')
	);
	const text =
		m.papers_mail_decided_body(
			{
				name: args.name,
				reference: args.reference,
				title: args.title,
				result: args.result,
				link: args.link
			},
			{ locale }
		) +
		(args.resultText ? `\n\n${args.resultText}` : '') +
		(lines.length ? `\n\n${m.papers_mail_instructions({}, { locale })}\n${lines.join('\n')}` : '');
	return composeMail(
		args,
		m.papers_mail_decided_subject({ reference: args.reference, result: args.result }, { locale }),
		text
	);
}
