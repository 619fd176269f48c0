import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';

type Locale = 'de' | 'en';

function footer(locale: Locale): string {
	return `\n\n-- \n${m.mail_footer({}, { locale })}`;
}

function noteBlock(note: string | null | undefined, locale: Locale): string {
	return note ? `\n\n${m.offers_mail_note_label({}, { locale })}:\n${note}` : '';
}

/** To the person who proposed a change: it was approved (live now) or rejected. */
export function revisionDecisionMail(args: {
	to: string;
	name: string;
	title: string;
	approved: boolean;
	note: string | null;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const params = {
		name: args.name,
		title: args.title,
		link: args.link,
		note: noteBlock(args.note, locale)
	};
	return {
		to: args.to,
		subject: args.approved
			? m.offers_mail_revision_approved_subject({ title: args.title }, { locale })
			: m.offers_mail_revision_rejected_subject({ title: args.title }, { locale }),
		text:
			(args.approved
				? m.offers_mail_revision_approved_body(params, { locale })
				: m.offers_mail_revision_rejected_body(params, { locale })) + footer(locale)
	};
}

/** To the organisation's editors: the coordination sent an offer back to draft. */
export function offerReturnedMail(args: {
	to: string;
	name: string;
	title: string;
	note: string | null;
	link: string;
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	return {
		to: args.to,
		subject: m.offers_mail_returned_subject({ title: args.title }, { locale }),
		text:
			m.offers_mail_returned_body(
				{ name: args.name, title: args.title, link: args.link, note: noteBlock(args.note, locale) },
				{ locale }
			) + footer(locale)
	};
}

/** To an offer's owners: please confirm that these offers are still current. */
export function confirmationReminderMail(args: {
	to: string;
	name: string;
	tenantName: string;
	months: number;
	offers: { title: string; link: string }[];
	locale: Locale;
}): MailPayload {
	const { locale } = args;
	const list = args.offers.map((o) => `- ${o.title}\n  ${o.link}`).join('\n');
	return {
		to: args.to,
		subject: m.offers_mail_reminder_subject({ tenant: args.tenantName }, { locale }),
		text:
			m.offers_mail_reminder_body(
				{ name: args.name, months: args.months, tenant: args.tenantName, list },
				{ locale }
			) + footer(locale)
	};
}
