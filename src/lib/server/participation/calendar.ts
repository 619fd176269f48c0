import { buildCalendar, type CalendarEvent } from '../offers/ical';

/** The public address of a dialogue. */
export function dialogueUrl(origin: string, tenantSlug: string, processId: string, id: string) {
	return `${origin}/${tenantSlug}/beteiligung/${processId}/dialoge/${id}`;
}

/** The dialogue as an iCalendar file (RFC 5545). */
export function dialogueCalendar(
	row: {
		id: string;
		title: string;
		description: string | null;
		place: string | null;
		startsAt: Date;
		endsAt: Date | null;
	},
	url: string
): string {
	const event: CalendarEvent = {
		uid: `dialogue-${row.id}@miteinander`,
		summary: row.title,
		description: [row.description, url].filter(Boolean).join('\n\n'),
		location: row.place,
		url,
		start: row.startsAt,
		end: row.endsAt
	};
	return buildCalendar([event]);
}
