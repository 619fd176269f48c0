/**
 * The agenda of a meeting as one view: items (TOPs) with their guest speakers (Referent:innen)
 * and attachments (changes: agenda-items.ts, speakers.ts, files.ts). The body's open action items come onto every
 * agenda of a meeting that has not taken place as a last, computed item "Offene Aufgaben aus
 * früheren Sitzungen" (never stored). fullAgenda() is the one view of it that the meeting page,
 * the invitation mails and the minutes reuse.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { agendaItems, agendaItemSpeakers, files, meetings, type Meeting } from './schema';
import { actionItems } from '../minutes/schema';

export interface AgendaFileView {
	id: string;
	fileName: string;
	mediaType: string;
	size: number;
	isPublic: boolean;
	createdAt: Date;
}

export interface AgendaSpeakerView {
	id: string;
	name: string;
	affiliation: string | null;
	/** only for mailing the speaker: never show it publicly */
	email: string | null;
}

export interface AgendaItemView {
	id: string;
	/** TOP number: "1", "2" … */
	number: string;
	position: number;
	title: string;
	description: string | null;
	responsible: { id: string; name: string } | null;
	plannedMinutes: number | null;
	isPublic: boolean;
	speakers: AgendaSpeakerView[];
	files: AgendaFileView[];
}

export interface OpenActionItemView {
	id: string;
	title: string;
	assigneeName: string | null;
	assigneeOrganization: string | null;
	/** YYYY-MM-DD */
	dueDate: string | null;
	state: 'open' | 'in_progress';
	/** the meeting whose minutes created it */
	meetingId: string | null;
}

export interface FullAgenda {
	meeting: Meeting;
	items: AgendaItemView[];
	/** attachments of the meeting as a whole (not of one item) */
	meetingFiles: AgendaFileView[];
	/** the computed last item; null when the meeting took place or nothing is open */
	openActions: { number: string; title: string; items: OpenActionItemView[] } | null;
}

export const OPEN_ACTIONS_TITLE = {
	de: 'Offene Aufgaben aus früheren Sitzungen',
	en: 'Open tasks from earlier meetings'
} as const;

/**
 * The body's action items that are open or in progress and were created before the meeting
 * starts, oldest due date first (no due date last).
 */
export async function openActionItemsForAgenda(
	db: Executor,
	tenantId: string,
	bodyId: string,
	meeting: Pick<Meeting, 'startsAt'>
): Promise<OpenActionItemView[]> {
	const rows = await db
		.select({
			id: actionItems.id,
			title: actionItems.title,
			assigneeName: users.name,
			assigneeOrganization: organizations.name,
			dueDate: actionItems.dueDate,
			state: actionItems.state,
			meetingId: actionItems.meetingId
		})
		.from(actionItems)
		.leftJoin(users, eq(users.id, actionItems.assigneeUserId))
		.leftJoin(organizations, eq(organizations.id, actionItems.assigneeOrganizationId))
		.where(
			and(
				eq(actionItems.tenantId, tenantId),
				eq(actionItems.bodyId, bodyId),
				inArray(actionItems.state, ['open', 'in_progress']),
				lt(actionItems.createdAt, meeting.startsAt)
			)
		)
		.orderBy(
			sql`${actionItems.dueDate} ASC NULLS LAST`,
			asc(actionItems.createdAt),
			asc(actionItems.id)
		);
	return rows.map((r) => ({ ...r, state: r.state as 'open' | 'in_progress' }));
}

function fileView(f: typeof files.$inferSelect | AgendaFileView): AgendaFileView {
	return {
		id: f.id,
		fileName: f.fileName,
		mediaType: f.mediaType,
		size: f.size,
		isPublic: f.isPublic,
		createdAt: f.createdAt
	};
}

export interface FullAgendaOptions {
	/** only public items and public files, and no speaker e-mail addresses (public site) */
	publicOnly?: boolean;
	/** language of the computed last item's title */
	locale?: 'de' | 'en';
	/** the open action items also for a meeting that took place (as they are now) */
	includeOpenActionsWhenHeld?: boolean;
}

/**
 * The whole agenda of a meeting: numbered items with speakers and attachments, the meeting's
 * own attachments and the computed "open tasks" item. No authorisation here: callers decide
 * who sees what (loadMeeting, canSeeBody). Null when the meeting is not in the tenant.
 */
export async function fullAgenda(
	db: Executor,
	tenantId: string,
	meetingId: string,
	options: FullAgendaOptions = {}
): Promise<FullAgenda | null> {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	return meeting ? { meeting, ...(await agendaOf(db, meeting, options)) } : null;
}

/** The agenda of a meeting already loaded (and authorised) by the caller. */
export async function agendaOf(
	db: Executor,
	meeting: Pick<Meeting, 'id' | 'tenantId' | 'bodyId' | 'state' | 'startsAt'>,
	options: FullAgendaOptions = {}
): Promise<Omit<FullAgenda, 'meeting'>> {
	const { tenantId, id: meetingId } = meeting;
	const itemRows = await db
		.select({ item: agendaItems, responsibleName: users.name })
		.from(agendaItems)
		.leftJoin(users, eq(users.id, agendaItems.responsibleUserId))
		.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
	const itemIds = itemRows.map((r) => r.item.id);
	const [speakerRows, fileRows] = await Promise.all([
		itemIds.length === 0
			? Promise.resolve([])
			: db
					.select()
					.from(agendaItemSpeakers)
					.where(
						and(
							eq(agendaItemSpeakers.tenantId, tenantId),
							inArray(agendaItemSpeakers.agendaItemId, itemIds)
						)
					)
					.orderBy(asc(agendaItemSpeakers.createdAt), asc(agendaItemSpeakers.id)),
		db
			.select({
				id: files.id,
				fileName: files.fileName,
				mediaType: files.mediaType,
				size: files.size,
				isPublic: files.isPublic,
				createdAt: files.createdAt,
				meetingId: files.meetingId,
				agendaItemId: files.agendaItemId
			})
			.from(files)
			.where(
				and(
					eq(files.tenantId, tenantId),
					itemIds.length === 0
						? eq(files.meetingId, meetingId)
						: sql`(${files.meetingId} = ${meetingId} OR ${inArray(files.agendaItemId, itemIds)})`
				)
			)
			.orderBy(asc(files.createdAt), asc(files.fileName))
	]);
	const visibleFiles = options.publicOnly ? fileRows.filter((f) => f.isPublic) : fileRows;
	// TOP numbers count all items, so that the public version keeps the numbers of the minutes
	// and of the invitation: the non-public items are simply left out (gaps are normal).
	const numbered = itemRows.map((r, index) => ({ ...r, number: String(index + 1) }));
	const visibleItems = options.publicOnly ? numbered.filter((r) => r.item.isPublic) : numbered;
	const items = visibleItems.map(({ item, responsibleName, number }): AgendaItemView => ({
		id: item.id,
		number,
		position: item.position,
		title: item.title,
		description: item.description,
		responsible:
			item.responsibleUserId && responsibleName
				? { id: item.responsibleUserId, name: responsibleName }
				: null,
		plannedMinutes: item.plannedMinutes,
		isPublic: item.isPublic,
		speakers: speakerRows
			.filter((s) => s.agendaItemId === item.id)
			.map((s) => ({
				id: s.id,
				name: s.name,
				affiliation: s.affiliation,
				email: options.publicOnly ? null : s.email
			})),
		files: visibleFiles.filter((f) => f.agendaItemId === item.id).map(fileView)
	}));
	let openActions: FullAgenda['openActions'] = null;
	const showOpen =
		meeting.state !== 'cancelled' &&
		(meeting.state !== 'held' || options.includeOpenActionsWhenHeld);
	if (showOpen && !options.publicOnly) {
		const open = await openActionItemsForAgenda(db, tenantId, meeting.bodyId, meeting);
		if (open.length > 0)
			openActions = {
				number: String(itemRows.length + 1),
				title: OPEN_ACTIONS_TITLE[options.locale ?? 'de'],
				items: open
			};
	}
	return {
		items,
		meetingFiles: visibleFiles.filter((f) => !f.agendaItemId).map(fileView),
		openActions
	};
}
