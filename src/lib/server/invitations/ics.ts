/**
 * iCalendar (RFC 5545 / iTIP RFC 5546) for meetings: the invitation (METHOD:REQUEST), its
 * updates (same UID, higher SEQUENCE), the cancellation (METHOD:CANCEL, STATUS:CANCELLED) and
 * the calendar feeds (METHOD:PUBLISH, many events). Local times in Europe/Berlin with its
 * VTIMEZONE. Built on the writer helpers of offers/ical.ts.
 */
import { buildCalendar, escapeText, foldLine, utcStamp } from '../offers/ical';
import { TIME_ZONE, berlinLocal } from '../shared';

const CRLF = '\r\n';

/** The VTIMEZONE block of offers/ical.ts (the one definition of Europe/Berlin in the app). */
const VTIMEZONE_BERLIN: string[] = (() => {
	const lines = buildCalendar([], new Date(0)).split(CRLF);
	const from = lines.indexOf('BEGIN:VTIMEZONE');
	const to = lines.indexOf('END:VTIMEZONE');
	return lines.slice(from, to + 1);
})();

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface CalendarPerson {
	email: string;
	name?: string | null;
}

export interface MeetingEvent {
	meetingId: string;
	/** the app's public address; its host makes the UID globally unique */
	origin: string;
	sequence: number;
	start: Date;
	end: Date;
	summary: string;
	description?: string | null;
	location?: string | null;
	/** an http(s) address (the meeting page) */
	url?: string | null;
	cancelled?: boolean;
	organizer?: CalendarPerson | null;
	/** the recipient of an invitation mail */
	attendee?: (CalendarPerson & { partstat?: PartStat }) | null;
	lastModified?: Date | null;
	created?: Date | null;
}

export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';

/** iCalendar PARTSTAT of an answer (yes/no/maybe/none). */
export function partStat(response: string | null | undefined): PartStat {
	if (response === 'yes') return 'ACCEPTED';
	if (response === 'no') return 'DECLINED';
	if (response === 'maybe') return 'TENTATIVE';
	return 'NEEDS-ACTION';
}

/** The stable UID of a meeting's event: the same for the invitation, its updates and the feeds. */
export function meetingUid(meetingId: string, origin: string): string {
	let host = 'miteinander';
	try {
		host = new URL(origin).hostname || host;
	} catch {
		// keep the fallback
	}
	return `meeting-${meetingId}@${host}`;
}

/** A parameter value (CN=…): always quoted; DQUOTE and control characters are not allowed. */
function paramValue(value: string): string {
	// eslint-disable-next-line no-control-regex
	return `"${value.replace(/[\u0000-\u001f\u007f"]/g, '').trim()}"`;
}

/** A mailto: address, or null when it is not a plain address. */
function mailto(email: string): string | null {
	const address = email.trim();
	return /^[^\s@:;,<>"]+@[^\s@:;,<>"]+$/.test(address) ? `mailto:${address}` : null;
}

/** "Miteinander <noreply@example.org>" → noreply@example.org; a bare address as it is. */
export function addressOf(from: string): string {
	const match = /<([^>]+)>/.exec(from);
	return (match ? match[1] : from).trim();
}

function eventLines(e: MeetingEvent, now: Date): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${escapeText(meetingUid(e.meetingId, e.origin))}`,
		`SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`,
		`DTSTAMP:${utcStamp(now)}`,
		`DTSTART;TZID=${TIME_ZONE}:${berlinLocal(e.start)}`
	];
	if (e.end > e.start) lines.push(`DTEND;TZID=${TIME_ZONE}:${berlinLocal(e.end)}`);
	lines.push(`SUMMARY:${escapeText(e.summary)}`);
	if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
	if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
	if (e.url && /^https?:\/\/[^\s]+$/.test(e.url)) lines.push(`URL:${e.url}`);
	lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
	lines.push('TRANSP:OPAQUE');
	const organizer = e.organizer ? mailto(e.organizer.email) : null;
	if (organizer) {
		const cn = e.organizer?.name ? `;CN=${paramValue(e.organizer.name)}` : '';
		lines.push(`ORGANIZER${cn}:${organizer}`);
	}
	const attendee = e.attendee ? mailto(e.attendee.email) : null;
	if (attendee && e.attendee) {
		const cn = e.attendee.name ? `;CN=${paramValue(e.attendee.name)}` : '';
		lines.push(
			`ATTENDEE${cn};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${e.attendee.partstat ?? 'NEEDS-ACTION'};RSVP=TRUE:${attendee}`
		);
	}
	if (e.created) lines.push(`CREATED:${utcStamp(e.created)}`);
	if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
	lines.push('END:VEVENT');
	return lines;
}

/**
 * A VCALENDAR with the Berlin VTIMEZONE and the meetings' events, CRLF line ends, folded at 75
 * octets. `method`: REQUEST for an invitation or update (one event, with ATTENDEE), CANCEL for a
 * cancellation, PUBLISH for feeds and downloads.
 */
export function buildMeetingCalendar(
	events: MeetingEvent[],
	options: { method: CalendarMethod; name?: string | null; now?: Date }
): string {
	const now = options.now ?? new Date();
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Miteinander//Sitzungen//DE',
		'CALSCALE:GREGORIAN',
		`METHOD:${options.method}`
	];
	if (options.name) {
		lines.push(`X-WR-CALNAME:${escapeText(options.name)}`, `X-WR-TIMEZONE:${TIME_ZONE}`);
	}
	lines.push(...VTIMEZONE_BERLIN);
	for (const e of events) {
		lines.push(...eventLines({ ...e, cancelled: e.cancelled || options.method === 'CANCEL' }, now));
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}
