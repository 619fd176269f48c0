/**
 * What invitation mails, answer pages and calendar entries say about a meeting: its body,
 * tenant, host, place and agenda, read in one go.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { bodies, type Body } from '../bodies/schema';
import { agendaItems, agendaItemSpeakers, meetings, type Meeting } from '../meetings/schema';
import { dateText, timeText } from '../shared';
import { fullAgenda } from '../meetings/agenda';

export type Locale = 'de' | 'en';

export interface AgendaSpeaker {
	name: string;
	affiliation: string | null;
	/** only for mailing the speaker; never shown */
	email: string | null;
}

export interface AgendaTask {
	title: string;
	/** person and/or organisation */
	assignee: string | null;
	/** YYYY-MM-DD */
	dueDate: string | null;
}

export interface AgendaEntry {
	/** "1", "2" … (TOP number) */
	number: string;
	title: string;
	description: string | null;
	isPublic: boolean;
	speakers: AgendaSpeaker[];
	/**
	 * Only on the computed last item "Offene Aufgaben aus früheren Sitzungen" (never public):
	 * the body's open tasks. Its title is German; texts use their own label by language.
	 */
	openTasks?: AgendaTask[];
}

export interface MeetingDetails {
	meeting: Meeting;
	body: Body;
	tenant: { id: string; slug: string; name: string; isPublic: boolean };
	host: { name: string; address: string | null } | null;
	agenda: AgendaEntry[];
}

/**
 * The agenda of one meeting as the meeting page shows it (fullAgenda of meetings/agenda.ts):
 * the items with their TOP numbers and guest speakers, and, before the meeting, the computed
 * last item with the body's open tasks. Empty when the meeting is not in the tenant.
 */
export async function meetingAgenda(
	db: Executor,
	tenantId: string,
	meetingId: string
): Promise<AgendaEntry[]> {
	const agenda = await fullAgenda(db, tenantId, meetingId, { locale: 'de' });
	if (!agenda) return [];
	const entries: AgendaEntry[] = agenda.items.map((i) => ({
		number: i.number,
		title: i.title,
		description: i.description,
		isPublic: i.isPublic,
		speakers: i.speakers.map((sp) => ({
			name: sp.name,
			affiliation: sp.affiliation,
			email: sp.email
		}))
	}));
	if (agenda.openActions)
		entries.push({
			number: agenda.openActions.number,
			title: agenda.openActions.title,
			description: null,
			isPublic: false,
			speakers: [],
			openTasks: agenda.openActions.items.map((a) => ({
				title: a.title,
				assignee: [a.assigneeName, a.assigneeOrganization].filter(Boolean).join(', ') || null,
				dueDate: a.dueDate
			}))
		});
	return entries;
}

/**
 * The agendas of many meetings at once (calendar feeds), per meeting id: the items with TOP
 * numbers and guest speakers, numbered as fullAgenda() numbers them, without the open tasks
 * (one query for all meetings instead of several per meeting).
 */
export async function meetingAgendas(
	db: Executor,
	tenantId: string | null,
	meetingIds: string[]
): Promise<Map<string, AgendaEntry[]>> {
	const result = new Map<string, AgendaEntry[]>();
	if (meetingIds.length === 0) return result;
	const items = await db
		.select()
		.from(agendaItems)
		.where(
			and(
				tenantId ? eq(agendaItems.tenantId, tenantId) : undefined,
				inArray(agendaItems.meetingId, meetingIds)
			)
		)
		.orderBy(asc(agendaItems.meetingId), asc(agendaItems.position), asc(agendaItems.createdAt));
	const speakers =
		items.length === 0
			? []
			: await db
					.select()
					.from(agendaItemSpeakers)
					.where(
						inArray(
							agendaItemSpeakers.agendaItemId,
							items.map((i) => i.id)
						)
					)
					.orderBy(asc(agendaItemSpeakers.createdAt));
	for (const item of items) {
		const list = result.get(item.meetingId) ?? [];
		list.push({
			number: String(list.length + 1),
			title: item.title,
			description: item.description,
			isPublic: item.isPublic,
			speakers: speakers
				.filter((s) => s.agendaItemId === item.id)
				.map((s) => ({ name: s.name, affiliation: s.affiliation, email: s.email }))
		});
		result.set(item.meetingId, list);
	}
	return result;
}

/**
 * Meetings with everything mails and calendars show, for a condition on meetings/bodies/
 * tenants (the caller scopes it), in start order.
 */
export async function loadMeetingDetailsWhere(
	db: Executor,
	where: SQL | undefined,
	limit = 500,
	options: { withAgendas?: boolean } = {}
): Promise<MeetingDetails[]> {
	const rows = await db
		.select({
			meeting: meetings,
			body: bodies,
			tenant: {
				id: tenants.id,
				slug: tenants.slug,
				name: tenants.name,
				isPublic: tenants.isPublic
			}
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.innerJoin(tenants, eq(tenants.id, meetings.tenantId))
		.where(where)
		.orderBy(asc(meetings.startsAt), asc(meetings.id))
		.limit(limit);
	if (rows.length === 0) return [];
	const hostIds = [
		...new Set(rows.map((r) => r.meeting.hostOrganizationId).filter((x): x is string => !!x))
	];
	const hosts = new Map<string, { name: string; address: string | null }>();
	if (hostIds.length > 0) {
		const orgs = await db
			.select({
				id: organizations.id,
				name: organizations.name,
				street: organizations.street,
				postalCode: organizations.postalCode,
				city: organizations.city
			})
			.from(organizations)
			.where(inArray(organizations.id, hostIds));
		for (const org of orgs) {
			const cityLine = [org.postalCode, org.city].filter(Boolean).join(' ');
			const address = [org.street, cityLine].filter((x) => x && x.trim() !== '').join(', ');
			hosts.set(org.id, { name: org.name, address: address || null });
		}
	}
	const agendas =
		options.withAgendas === false
			? new Map<string, AgendaEntry[]>()
			: await meetingAgendas(
					db,
					null,
					rows.map((r) => r.meeting.id)
				);
	return rows.map((r) => ({
		...r,
		host: r.meeting.hostOrganizationId ? (hosts.get(r.meeting.hostOrganizationId) ?? null) : null,
		agenda: agendas.get(r.meeting.id) ?? []
	}));
}

/** The meeting with everything the mails show; null when it is not in the tenant. */
export async function loadMeetingDetails(
	db: Executor,
	tenantId: string,
	meetingId: string
): Promise<MeetingDetails | null> {
	const [details] = await loadMeetingDetailsWhere(
		db,
		and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)),
		1,
		{ withAgendas: false }
	);
	if (!details) return null;
	// the mails show the agenda as the meeting page does, with the open tasks
	return { ...details, agenda: await meetingAgenda(db, tenantId, meetingId) };
}

/** The body's short name (AK Bildung) or its name. */
export function bodyLabel(body: Pick<Body, 'name' | 'shortName'>): string {
	return body.shortName?.trim() || body.name;
}

/** The meeting's title in lists and calendars: "AK Bildung: Jahresplanung" or "AK Bildung". */
export function meetingSummary(details: Pick<MeetingDetails, 'meeting' | 'body'>): string {
	const label = bodyLabel(details.body);
	const title = details.meeting.title?.trim();
	return title ? `${label}: ${title}` : label;
}

/** The place (not the online link): the room or address, else the host's address. */
export function placeText(details: Pick<MeetingDetails, 'meeting' | 'host'>): string | null {
	const { meeting, host } = details;
	const location = meeting.location?.trim() || null;
	if (meeting.locationKind === 'online') return location;
	if (meeting.locationKind === 'host' && host) {
		const at = location ?? host.address;
		return at ? `${host.name}, ${at}` : host.name;
	}
	return location ?? (host ? [host.name, host.address].filter(Boolean).join(', ') : null);
}

/** A safe http(s) link, or null. */
export function onlineLink(meeting: Pick<Meeting, 'onlineUrl'>): string | null {
	const url = meeting.onlineUrl?.trim();
	return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

/** "Di., 8. Dez. 2026" / "Tue, 8 Dec 2026" */
export function shortDate(date: Date, locale: Locale): string {
	return dateText(date, locale, 'short');
}

/** "Dienstag, 8. Dezember 2026" */
export function longDate(date: Date, locale: Locale): string {
	return dateText(date, locale, 'weekday');
}

/** "12.01.2027" / "12/01/2027" for a calendar day YYYY-MM-DD */
export function dayText(day: string, locale: Locale): string {
	return dateText(day, locale, 'numeric');
}

/** "14:00" */
export function timeOfDay(date: Date, locale: Locale): string {
	return timeText(date, locale);
}

/** The agenda as plain text: "TOP 1: Begrüßung\n   Referent:in: …" */
export function agendaText(
	agenda: AgendaEntry[],
	labels: {
		top: (n: string) => string;
		speakers: string;
		/** the title of the open-tasks item in the text's language */
		openTasks?: string;
		/** "bis 12.01.2027" */
		due?: (date: string) => string;
	},
	options: { publicOnly?: boolean; withOpenTasks?: boolean } = {}
): string {
	const items = agenda.filter(
		(a) => (!options.publicOnly || a.isPublic) && (options.withOpenTasks !== false || !a.openTasks)
	);
	return items
		.map((a) => {
			const title = a.openTasks && labels.openTasks ? labels.openTasks : a.title;
			const lines = [`${labels.top(a.number)}: ${title}`];
			for (const task of a.openTasks ?? []) {
				const extra = [task.assignee, task.dueDate && labels.due ? labels.due(task.dueDate) : null]
					.filter(Boolean)
					.join(', ');
				lines.push(`   - ${task.title}${extra ? ` (${extra})` : ''}`);
			}
			if (a.speakers.length > 0) {
				const names = a.speakers
					.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name))
					.join(', ');
				lines.push(`   ${labels.speakers}: ${names}`);
			}
			return lines.join('\n');
		})
		.join('\n');
}
