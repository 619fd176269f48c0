/** A meeting as a calendar event, for mails, downloads and feeds. */
import { env } from '../env';
import { m } from '$lib/paraglide/messages';
import {
	agendaText,
	dayText,
	meetingSummary,
	onlineLink,
	placeText,
	type Locale,
	type MeetingDetails
} from './details';
import { addressOf, type MeetingEvent, type PartStat } from './ics';

/** The ORGANIZER of invitations: the platform's sender address, named after the body. */
export function organizerAddress(): string {
	return addressOf(env().MAIL_FROM);
}

export interface EventOptions {
	origin: string;
	locale: Locale;
	/** the page the event links to (null: none, for guests without access to it) */
	url: string | null;
	/** public feeds: public agenda items only, no online link */
	publicOnly?: boolean;
	attendee?: { email: string; name: string; partstat?: PartStat } | null;
	/** the body's open tasks in the agenda (not for guest speakers); never with publicOnly */
	withOpenTasks?: boolean;
	/** add ORGANIZER (needed for METHOD:REQUEST/CANCEL) */
	withOrganizer?: boolean;
}

export function meetingEvent(details: MeetingDetails, options: EventOptions): MeetingEvent {
	const { meeting, body } = details;
	const o = { locale: options.locale };
	const publicOnly = options.publicOnly ?? false;
	const online = publicOnly ? null : onlineLink(meeting);
	const place = placeText(details);
	const agenda = agendaText(
		details.agenda,
		{
			top: (n) => m.invitations_top({ number: n }, o),
			speakers: m.invitations_speakers({}, o),
			openTasks: m.invitations_open_tasks({}, o),
			due: (day) => m.invitations_open_task_due({ date: dayText(day, options.locale) }, o)
		},
		{ publicOnly, withOpenTasks: !publicOnly && options.withOpenTasks !== false }
	);
	const description = [
		meeting.state === 'cancelled' && meeting.cancelReason?.trim()
			? `${m.invitations_mail_reason({}, o)}: ${meeting.cancelReason.trim()}`
			: null,
		online ? `${m.invitations_mail_online({}, o)}: ${online}` : null,
		details.host ? `${m.invitations_mail_host({}, o)}: ${details.host.name}` : null,
		agenda ? `${m.invitations_mail_agenda({}, o)}:\n${agenda}` : null,
		options.url
	]
		.filter((x): x is string => !!x)
		.join('\n\n');
	let location = place ?? online;
	if (!location && meeting.locationKind === 'online')
		location = m.invitations_location_online({}, o);
	return {
		meetingId: meeting.id,
		origin: options.origin,
		sequence: meeting.sequence,
		start: meeting.startsAt,
		end: meeting.endsAt,
		summary: meetingSummary(details),
		description,
		location,
		url: options.url,
		cancelled: meeting.state === 'cancelled',
		organizer: options.withOrganizer ? { email: organizerAddress(), name: body.name } : null,
		attendee: options.attendee ?? null,
		created: meeting.createdAt,
		lastModified: meeting.updatedAt
	};
}
