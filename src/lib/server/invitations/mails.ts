/**
 * The texts of the meeting mails: invitation, changed invitation, cancellation, reminder and
 * the information for guest speakers. Plain text, formal German (or English, by the
 * recipient's language), with the .ics attached.
 */
import type { Locale as UiLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { MailPayload } from '../mail/schema';
import type { RsvpResponse } from './schema';
import {
	agendaText,
	bodyLabel,
	dayText,
	longDate,
	onlineLink,
	placeText,
	shortDate,
	timeOfDay,
	type Locale,
	type MeetingDetails
} from './details';
import type { CalendarMethod } from './ics';

export type MeetingMailKind = 'invite' | 'update' | 'cancel' | 'reminder' | 'speaker';

export function asLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : 'de';
}

/** "Dienstag, 8. Dezember 2026, 14:00 bis 16:00 Uhr" */
export function whenText(start: Date, end: Date, locale: Locale): string {
	const sameDay = longDate(start, locale) === longDate(end, locale);
	if (sameDay) {
		return m.invitations_when_same_day(
			{
				date: longDate(start, locale),
				start: timeOfDay(start, locale),
				end: timeOfDay(end, locale)
			},
			{ locale }
		);
	}
	return m.invitations_when_days(
		{
			startDate: longDate(start, locale),
			start: timeOfDay(start, locale),
			endDate: longDate(end, locale),
			end: timeOfDay(end, locale)
		},
		{ locale }
	);
}

export function responseLabel(response: RsvpResponse | null | undefined, locale: UiLocale): string {
	if (response === 'yes') return m.invitations_response_yes({}, { locale });
	if (response === 'no') return m.invitations_response_no({}, { locale });
	if (response === 'maybe') return m.invitations_response_maybe({}, { locale });
	return m.invitations_response_none({}, { locale });
}

/** The mail subject, e.g. "Einladung: AK Bildung am Di., 8. Dez. 2026, 14:00 Uhr". */
export function meetingMailSubject(
	kind: MeetingMailKind,
	details: Pick<MeetingDetails, 'meeting' | 'body'>,
	locale: Locale
): string {
	const params = {
		body: bodyLabel(details.body),
		date: shortDate(details.meeting.startsAt, locale),
		time: timeOfDay(details.meeting.startsAt, locale)
	};
	switch (kind) {
		case 'update':
			return m.invitations_mail_update_subject(params, { locale });
		case 'cancel':
			return m.invitations_mail_cancel_subject(params, { locale });
		case 'reminder':
			return m.invitations_mail_reminder_subject(params, { locale });
		default:
			return m.invitations_mail_invite_subject(params, { locale });
	}
}

/** The three answer links of a token. */
export function answerLinks(origin: string, token: string) {
	// tokens are base64url (no encoding needed); the preview shows “…” instead
	const base = `${origin}/antwort/${token}`;
	return {
		yes: `${base}?antwort=ja`,
		no: `${base}?antwort=nein`,
		maybe: `${base}?antwort=vielleicht`
	};
}

export function meetingPageLink(origin: string, tenantSlug: string, meetingId: string): string {
	return `${origin}/app/${tenantSlug}/sitzungen/${meetingId}`;
}

/** Why a municipality's person gets the networking meeting's invitation, and their link. */
export interface MunicipalityMailInfo {
	name: string;
	role: 'coordinator' | 'mayor' | 'contact';
	/** absolute link to the municipality's exchange page, or null */
	exchangeLink: string | null;
}

function municipalityBlocks(info: MunicipalityMailInfo, o: { locale: Locale }) {
	const why = {
		coordinator: () => m.i17_mail_why_coordinator({ municipality: info.name }, o),
		mayor: () => m.i17_mail_why_mayor({ municipality: info.name }, o),
		contact: () => m.i17_mail_why_contact({ municipality: info.name }, o)
	}[info.role]();
	const exchange = info.exchangeLink
		? `${m.i17_mail_exchange_link({ municipality: info.name }, o)}\n${info.exchangeLink}`
		: m.i17_mail_exchange_no_account({ municipality: info.name }, o);
	return { why, exchange };
}

export interface MeetingMailArgs {
	kind: MeetingMailKind;
	to: string;
	name: string;
	locale: Locale;
	details: MeetingDetails;
	origin: string;
	/** the answer-link token (members); none for speakers and cancellations */
	token?: string | null;
	/** the person's answer so far */
	response?: RsvpResponse | null;
	/** lines saying what changed (updates) */
	changes?: string[];
	/** who sends it (the person who sent the invitation), shown above the body's name */
	sender?: string | null;
	/** a guest without an account (speaker): no link to the meeting page */
	guest?: boolean;
	/**
	 * invited for a municipality to the district's networking meeting (district/invitees.ts):
	 * why, and the link where the municipality records its answers (those who can sign in there)
	 */
	municipality?: MunicipalityMailInfo | null;
	/** the calendar file */
	ics: string;
}

function methodOf(kind: MeetingMailKind): CalendarMethod {
	return kind === 'cancel' ? 'CANCEL' : 'REQUEST';
}

/** The plain text of a meeting mail (also shown as the preview on the invitation tab). */
export function meetingMailText(args: Omit<MeetingMailArgs, 'to' | 'ics'>): string {
	const { kind, locale, details, origin } = args;
	const { meeting, body, tenant } = details;
	const o = { locale };
	const label = bodyLabel(body);
	const blocks: string[] = [m.invitations_mail_greeting({ name: args.name }, o)];
	const title = meeting.title?.trim();
	const intro = {
		invite: () => m.invitations_mail_invite_intro({ body: body.name }, o),
		update: () => m.invitations_mail_update_intro({ body: body.name }, o),
		cancel: () =>
			m.invitations_mail_cancel_intro(
				{
					body: body.name,
					date: longDate(meeting.startsAt, locale),
					time: timeOfDay(meeting.startsAt, locale)
				},
				o
			),
		reminder: () => m.invitations_mail_reminder_intro({ body: body.name }, o),
		speaker: () => m.invitations_mail_speaker_intro({ body: body.name }, o)
	}[kind]();
	blocks.push(intro);
	const forMunicipality = args.municipality ? municipalityBlocks(args.municipality, o) : null;
	if (forMunicipality) blocks.push(forMunicipality.why);
	if (kind === 'update' && args.changes && args.changes.length > 0) {
		blocks.push(
			[m.invitations_mail_changes({}, o), ...args.changes.map((c) => `- ${c}`)].join('\n')
		);
	}
	if (kind === 'cancel') {
		if (meeting.cancelReason?.trim()) {
			blocks.push(`${m.invitations_mail_reason({}, o)}: ${meeting.cancelReason.trim()}`);
		}
	} else {
		const facts = [];
		if (title) facts.push(`${m.invitations_mail_title({}, o)}: ${title}`);
		facts.push(
			`${m.invitations_mail_when({}, o)}: ${whenText(meeting.startsAt, meeting.endsAt, locale)}`
		);
		const place = placeText(details);
		if (place) facts.push(`${m.invitations_mail_where({}, o)}: ${place}`);
		const online = onlineLink(meeting);
		if (online) facts.push(`${m.invitations_mail_online({}, o)}: ${online}`);
		if (details.host) facts.push(`${m.invitations_mail_host({}, o)}: ${details.host.name}`);
		blocks.push(facts.join('\n'));
		// guest speakers (no account) do not get the body's open tasks
		const agenda = agendaText(
			details.agenda,
			{
				top: (n) => m.invitations_top({ number: n }, o),
				speakers: m.invitations_speakers({}, o),
				openTasks: m.invitations_open_tasks({}, o),
				due: (day) => m.invitations_open_task_due({ date: dayText(day, locale) }, o)
			},
			{ withOpenTasks: kind !== 'speaker' && !args.guest }
		);
		blocks.push(
			`${m.invitations_mail_agenda({}, o)}:\n${agenda || m.invitations_mail_agenda_empty({}, o)}`
		);
		if (forMunicipality) blocks.push(forMunicipality.exchange);
		if (args.token) {
			const links = answerLinks(origin, args.token);
			const lines = [
				m.invitations_mail_answer_intro({}, o),
				`${m.invitations_mail_answer_yes({}, o)}:\n${links.yes}`,
				`${m.invitations_mail_answer_no({}, o)}:\n${links.no}`,
				`${m.invitations_mail_answer_maybe({}, o)}:\n${links.maybe}`
			];
			if (args.response) {
				lines.push(
					m.invitations_mail_current_answer({ answer: responseLabel(args.response, locale) }, o)
				);
			}
			blocks.push(lines.join('\n\n'));
		}
	}
	if (kind !== 'speaker' && !args.guest) {
		blocks.push(
			`${m.invitations_mail_meeting_link({}, o)}:\n${meetingPageLink(origin, tenant.slug, meeting.id)}`
		);
	}
	blocks.push(
		kind === 'cancel'
			? m.invitations_mail_ics_cancel({}, o)
			: m.invitations_mail_ics({ file: 'einladung.ics' }, o)
	);
	const signature = [m.invitations_mail_regards({}, o), args.sender, label]
		.filter((x): x is string => !!x && x.trim() !== '')
		.join('\n');
	blocks.push(signature);
	return `${blocks.join('\n\n')}\n\n-- \n${m.mail_footer({}, o)}`;
}

/** The whole mail with the calendar file attached. */
export function meetingMail(args: MeetingMailArgs): MailPayload {
	const method = methodOf(args.kind);
	return {
		to: args.to,
		subject: meetingMailSubject(args.kind, args.details, args.locale),
		text: meetingMailText(args),
		attachments: [
			{
				filename: args.kind === 'cancel' ? 'absage.ics' : 'einladung.ics',
				content: args.ics,
				contentType: `text/calendar; charset=utf-8; method=${method}`
			}
		]
	};
}
