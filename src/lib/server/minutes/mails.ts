import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import { composeMail, type MailRecipient } from '../mail/compose';
import { dateText as day } from '../shared/date-text';

/** To a member marked present: the draft minutes are ready for review ("Entwurf zur Durchsicht"). */
export function minutesDraftMail(
	args: MailRecipient & { bodyName: string; meetingDate: Date; sharedBy: string; link: string }
): MailPayload {
	const { locale } = args;
	const date = day(args.meetingDate, locale);
	return composeMail(
		args,
		m.minutes_mail_draft_subject({ body: args.bodyName, date }, { locale }),
		m.minutes_mail_draft_body(
			{ name: args.name, body: args.bodyName, date, by: args.sharedBy, link: args.link },
			{ locale }
		)
	);
}

/** Before an action item's due date (or once it has passed). */
export function actionItemReminderMail(
	args: MailRecipient & {
		title: string;
		bodyName: string;
		dueDate: string;
		overdue: boolean;
		link: string;
		bodyLink: string;
		/** the recipient is a speaker of the body, not the assignee */
		forSpeaker: boolean;
	}
): MailPayload {
	const { locale } = args;
	const params = {
		name: args.name,
		title: args.title,
		body: args.bodyName,
		date: day(args.dueDate, locale),
		link: args.forSpeaker ? args.bodyLink : args.link
	};
	return composeMail(
		args,
		args.overdue
			? m.minutes_mail_reminder_overdue_subject({ title: args.title }, { locale })
			: m.minutes_mail_reminder_subject({ title: args.title, date: params.date }, { locale }),
		args.forSpeaker
			? m.minutes_mail_reminder_speaker_body(params, { locale })
			: m.minutes_mail_reminder_body(params, { locale })
	);
}
