import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';

type Locale = 'de' | 'en';

function footer(locale: Locale): string {
	return `\n\n-- \n${m.mail_footer({}, { locale })}`;
}

/** To a person who registered for a dialogue: confirmed or on the waiting list; cancel link. */
export function registrationMail(args: {
	to: string;
	name: string;
	dialogue: string;
	when: string;
	place: string;
	waiting: boolean;
	cancelLink: string;
	ics?: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const params = {
		name: args.name,
		dialogue: args.dialogue,
		when: args.when,
		place: args.place,
		link: args.cancelLink
	};
	return {
		to: args.to,
		subject: args.waiting
			? m.participation_mail_waiting_subject({ dialogue: args.dialogue }, { locale })
			: m.participation_mail_confirmed_subject({ dialogue: args.dialogue }, { locale }),
		text:
			(args.waiting
				? m.participation_mail_waiting_body(params, { locale })
				: m.participation_mail_confirmed_body(params, { locale })) + footer(locale),
		...(args.ics && !args.waiting
			? {
					attachments: [
						{
							filename: 'dialog.ics',
							content: args.ics,
							contentType: 'text/calendar; charset=utf-8'
						}
					]
				}
			: {})
	};
}

/** To the first person on the waiting list when a place became free. */
export function movedUpMail(args: {
	to: string;
	name: string;
	dialogue: string;
	when: string;
	place: string;
	cancelLink: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	return {
		to: args.to,
		subject: m.participation_mail_moved_up_subject({ dialogue: args.dialogue }, { locale }),
		text:
			m.participation_mail_moved_up_body(
				{
					name: args.name,
					dialogue: args.dialogue,
					when: args.when,
					place: args.place,
					link: args.cancelLink
				},
				{ locale }
			) + footer(locale)
	};
}
