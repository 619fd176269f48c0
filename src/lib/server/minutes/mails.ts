import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';

type Locale = 'de' | 'en';

function footer(locale: Locale): string {
	return `\n\n-- \n${m.mail_footer({}, { locale })}`;
}

function day(date: string | Date, locale: Locale): string {
	const d = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
	return d.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
		dateStyle: 'long',
		timeZone: 'Europe/Berlin'
	});
}

/** To a member marked present: the draft minutes are ready for review ("Entwurf zur Durchsicht"). */
export function minutesDraftMail(args: {
	to: string;
	name: string;
	bodyName: string;
	meetingDate: Date;
	sharedBy: string;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const date = day(args.meetingDate, locale);
	return {
		to: args.to,
		subject: m.minutes_mail_draft_subject({ body: args.bodyName, date }, { locale }),
		text:
			m.minutes_mail_draft_body(
				{ name: args.name, body: args.bodyName, date, by: args.sharedBy, link: args.link },
				{ locale }
			) + footer(locale)
	};
}

/** Before an action item's due date (or once it has passed). */
export function actionItemReminderMail(args: {
	to: string;
	name: string;
	title: string;
	bodyName: string;
	dueDate: string;
	overdue: boolean;
	link: string;
	bodyLink: string;
	/** the recipient is a speaker of the body, not the assignee */
	forSpeaker: boolean;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const params = {
		name: args.name,
		title: args.title,
		body: args.bodyName,
		date: day(args.dueDate, locale),
		link: args.forSpeaker ? args.bodyLink : args.link
	};
	return {
		to: args.to,
		subject: args.overdue
			? m.minutes_mail_reminder_overdue_subject({ title: args.title }, { locale })
			: m.minutes_mail_reminder_subject({ title: args.title, date: params.date }, { locale }),
		text:
			(args.forSpeaker
				? m.minutes_mail_reminder_speaker_body(params, { locale })
				: m.minutes_mail_reminder_body(params, { locale })) + footer(locale)
	};
}
