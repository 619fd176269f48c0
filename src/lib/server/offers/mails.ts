import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import { composeMail, type MailLocale, type MailRecipient } from '../mail/compose';

function noteBlock(note: string | null | undefined, locale: MailLocale): string {
	return note ? `\n\n${m.offers_mail_note_label({}, { locale })}:\n${note}` : '';
}

/** To the person who proposed a change: it was approved (live now) or rejected. */
export function revisionDecisionMail(
	args: MailRecipient & { title: string; approved: boolean; note: string | null; link: string }
): MailPayload {
	const { locale } = args;
	const params = {
		name: args.name,
		title: args.title,
		link: args.link,
		note: noteBlock(args.note, locale)
	};
	return args.approved
		? composeMail(
				args,
				m.offers_mail_revision_approved_subject({ title: args.title }, { locale }),
				m.offers_mail_revision_approved_body(params, { locale })
			)
		: composeMail(
				args,
				m.offers_mail_revision_rejected_subject({ title: args.title }, { locale }),
				m.offers_mail_revision_rejected_body(params, { locale })
			);
}

/** To the organisation's editors: the coordination sent an offer back to draft. */
export function offerReturnedMail(
	args: MailRecipient & { title: string; note: string | null; link: string }
): MailPayload {
	const { locale } = args;
	return composeMail(
		args,
		m.offers_mail_returned_subject({ title: args.title }, { locale }),
		m.offers_mail_returned_body(
			{ name: args.name, title: args.title, link: args.link, note: noteBlock(args.note, locale) },
			{ locale }
		)
	);
}

/** To an offer's owners: please confirm that these offers are still current. */
export function confirmationReminderMail(
	args: MailRecipient & {
		tenantName: string;
		months: number;
		offers: { title: string; link: string }[];
	}
): MailPayload {
	const { locale } = args;
	const list = args.offers.map((o) => `- ${o.title}\n  ${o.link}`).join('\n');
	return composeMail(
		args,
		m.offers_mail_reminder_subject({ tenant: args.tenantName }, { locale }),
		m.offers_mail_reminder_body(
			{ name: args.name, months: args.months, tenant: args.tenantName, list },
			{ locale }
		)
	);
}
