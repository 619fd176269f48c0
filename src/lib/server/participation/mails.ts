import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import { composeMail, type MailRecipient, type PublicMailLocale } from '../mail/compose';

/** To a person who registered for a dialogue: confirmed or on the waiting list; cancel link. */
export function registrationMail(
	args: Omit<MailRecipient, 'locale'> & {
		/** the visitor's page language: the registration form is public */
		locale: PublicMailLocale;
		dialogue: string;
		when: string;
		place: string;
		waiting: boolean;
		cancelLink: string;
		ics?: string;
	}
): MailPayload {
	const { locale } = args;
	const params = {
		name: args.name,
		dialogue: args.dialogue,
		when: args.when,
		place: args.place,
		link: args.cancelLink
	};
	const mail = args.waiting
		? composeMail(
				args,
				m.participation_mail_waiting_subject({ dialogue: args.dialogue }, { locale }),
				m.participation_mail_waiting_body(params, { locale })
			)
		: composeMail(
				args,
				m.participation_mail_confirmed_subject({ dialogue: args.dialogue }, { locale }),
				m.participation_mail_confirmed_body(params, { locale })
			);
	if (!args.ics || args.waiting) return mail;
	return {
		...mail,
		attachments: [
			{ filename: 'dialog.ics', content: args.ics, contentType: 'text/calendar; charset=utf-8' }
		]
	};
}

/** To the first person on the waiting list when a place became free. */
export function movedUpMail(
	args: MailRecipient & {
		dialogue: string;
		when: string;
		place: string;
		cancelLink: string;
	}
): MailPayload {
	const { locale } = args;
	return composeMail(
		args,
		m.participation_mail_moved_up_subject({ dialogue: args.dialogue }, { locale }),
		m.participation_mail_moved_up_body(
			{
				name: args.name,
				dialogue: args.dialogue,
				when: args.when,
				place: args.place,
				link: args.cancelLink
			},
			{ locale }
		)
	);
}
