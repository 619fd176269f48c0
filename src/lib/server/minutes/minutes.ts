/**
 * Protokoll: general remarks (meetings.minutes_intro), per agenda item notes and decision
 * (Beschluss), action items, and the state machine
 *
 *   none → draft (first save) → shared (draft mailed to the present members) → approved (by a
 *   speaker, deputy or the coordination; or "approved in the meeting of …", a later meeting of
 *   the same body) → published (readable with the body's visibility; the meeting counts as held).
 *
 * Only none/draft/shared can be edited: after approval the text is the record and nothing may
 * change (ValidationError minutes_error_locked). Who reads what: ./visibility.ts.
 */
import { and, asc, eq, gt, inArray, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import type { Body, BodyVisibility } from '../bodies/schema';
import {
	agendaItems,
	agendaItemSpeakers,
	meetings,
	type AgendaItem,
	type Meeting,
	type MinutesState
} from '../meetings/schema';
import { attendanceOf, type AttendanceView } from './attendance';
import { actionItemsOfMeeting, type ActionItemView } from './action-items';
import { assigneeOptions } from './action-item-input';
import { isEditable, loadMinutesAccess, type MinutesAccess } from './access';
import { buildMinutesDocument, type AgendaItemFacts } from './documents';
import { renderHtml } from '../documents/html';

// ---------------------------------------------------------------------------------------------
// Reading

export interface AgendaItemMinutes extends AgendaItemFacts {
	id: string;
	notes: string | null;
	decision: string | null;
	actionItems: ActionItemView[];
}

export interface MeetingFacts {
	id: string;
	title: string | null;
	startsAt: string;
	endsAt: string;
	state: Meeting['state'];
	locationKind: Meeting['locationKind'];
	location: string | null;
	onlineUrl: string | null;
	hostName: string | null;
	moderatorName: string | null;
}

export interface MinutesView {
	meeting: MeetingFacts;
	body: { id: string; name: string; shortName: string | null; visibility: BodyVisibility };
	state: MinutesState;
	intro: string | null;
	sharedAt: string | null;
	approvedAt: string | null;
	approvedByName: string | null;
	approvedInMeeting: { id: string; startsAt: string } | null;
	publishedAt: string | null;
	items: AgendaItemMinutes[];
	attendance: AttendanceView;
	/** whether non-public items were left out for this reader */
	nonPublicHidden: boolean;
}

/** Agenda items in order, numbered 1…n (the TOP numbers), with responsible person and speakers. */
export async function loadAgendaItems(db: Executor, tenantId: string, meetingId: string) {
	const rows = await db
		.select({ item: agendaItems, responsibleName: users.name })
		.from(agendaItems)
		.leftJoin(users, eq(users.id, agendaItems.responsibleUserId))
		.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
	const ids = rows.map((r) => r.item.id);
	const speakers = ids.length
		? await db
				.select({
					agendaItemId: agendaItemSpeakers.agendaItemId,
					name: agendaItemSpeakers.name,
					affiliation: agendaItemSpeakers.affiliation
				})
				.from(agendaItemSpeakers)
				.where(
					and(
						eq(agendaItemSpeakers.tenantId, tenantId),
						inArray(agendaItemSpeakers.agendaItemId, ids)
					)
				)
				.orderBy(asc(agendaItemSpeakers.createdAt))
		: [];
	return rows.map((r, i) => ({
		...r.item,
		number: i + 1,
		responsibleName: r.responsibleName,
		speakers: speakers
			.filter((s) => s.agendaItemId === r.item.id)
			.map((s) => ({ name: s.name, affiliation: s.affiliation }))
	}));
}

export type LoadedAgendaItem = AgendaItem & {
	number: number;
	responsibleName: string | null;
	speakers: { name: string; affiliation: string | null }[];
};

export async function meetingFacts(db: Executor, meeting: Meeting): Promise<MeetingFacts> {
	const [host, moderator] = await Promise.all([
		meeting.hostOrganizationId
			? db
					.select({ name: organizations.name })
					.from(organizations)
					.where(eq(organizations.id, meeting.hostOrganizationId))
					.then((r) => r[0]?.name ?? null)
			: null,
		meeting.moderatorUserId
			? db
					.select({ name: users.name })
					.from(users)
					.where(eq(users.id, meeting.moderatorUserId))
					.then((r) => r[0]?.name ?? null)
			: null
	]);
	return {
		id: meeting.id,
		title: meeting.title,
		startsAt: meeting.startsAt.toISOString(),
		endsAt: meeting.endsAt.toISOString(),
		state: meeting.state,
		locationKind: meeting.locationKind,
		location: meeting.location,
		onlineUrl: meeting.onlineUrl,
		hostName: host,
		moderatorName: moderator
	};
}

/**
 * The minutes as one reader may see them. `publicOnly` leaves out non-public items (always so
 * for readers outside the body's inner circle).
 */
export async function buildMinutesView(
	db: Executor,
	meeting: Meeting,
	body: Body,
	options: { publicOnly: boolean; withSuggestions: boolean }
): Promise<MinutesView> {
	const [facts, allItems, attendance, actions, approver, approvedIn] = await Promise.all([
		meetingFacts(db, meeting),
		loadAgendaItems(db, meeting.tenantId, meeting.id),
		attendanceOf(db, meeting, options.withSuggestions),
		actionItemsOfMeeting(db, meeting.tenantId, meeting.id),
		meeting.minutesApprovedBy
			? db
					.select({ name: users.name })
					.from(users)
					.where(eq(users.id, meeting.minutesApprovedBy))
					.then((r) => r[0]?.name ?? null)
			: null,
		meeting.minutesApprovedInMeetingId
			? db
					.select({ id: meetings.id, startsAt: meetings.startsAt })
					.from(meetings)
					.where(
						and(
							eq(meetings.tenantId, meeting.tenantId),
							eq(meetings.id, meeting.minutesApprovedInMeetingId)
						)
					)
					.then((r) => (r[0] ? { id: r[0].id, startsAt: r[0].startsAt.toISOString() } : null))
			: null
	]);
	const items = options.publicOnly ? allItems.filter((i) => i.isPublic) : allItems;
	return {
		meeting: facts,
		body: { id: body.id, name: body.name, shortName: body.shortName, visibility: body.visibility },
		state: meeting.minutesState,
		intro: meeting.minutesIntro,
		sharedAt: meeting.minutesSharedAt?.toISOString() ?? null,
		approvedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
		approvedByName: approver,
		approvedInMeeting: approvedIn,
		publishedAt: meeting.minutesPublishedAt?.toISOString() ?? null,
		items: items.map((i) => ({
			id: i.id,
			number: i.number,
			title: i.title,
			description: i.description,
			isPublic: i.isPublic,
			responsibleName: i.responsibleName,
			plannedMinutes: i.plannedMinutes,
			speakers: i.speakers,
			notes: i.notes,
			decision: i.decision,
			actionItems: actions.filter((a) => a.agendaItemId === i.id)
		})),
		attendance,
		nonPublicHidden: items.length < allItems.length
	};
}

export interface MinutesPage {
	access: Pick<MinutesAccess, 'canManage' | 'canApprove' | 'canRead'>;
	canEdit: boolean;
	/** next steps offered to this actor */
	canShare: boolean;
	canApproveNow: boolean;
	canPublish: boolean;
	minutes: MinutesView | null;
	/** the minutes as an HTML fragment (headings from h2) for the read-only view */
	documentHtml: string | null;
	state: MinutesState;
	/** later meetings of the body, for "approved in the meeting of …" */
	laterMeetings: { id: string; startsAt: string }[];
	options: {
		people: { id: string; name: string }[];
		organizations: { id: string; name: string }[];
	};
}

/** Everything the minutes tab needs; minutes is null when the actor may not read them (yet). */
export async function getMinutesPage(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<MinutesPage> {
	const tenantId = ctx.tenant.id;
	const access = await loadMinutesAccess(ctx, tenantId, input.meetingId);
	const { meeting, body } = access;
	const state = meeting.minutesState;
	const canEdit = access.canManage && isEditable(meeting) && meeting.state !== 'cancelled';
	const base = {
		access: { canManage: access.canManage, canApprove: access.canApprove, canRead: access.canRead },
		canEdit,
		canShare: access.canManage && state === 'draft',
		canApproveNow: access.canApprove && (state === 'draft' || state === 'shared'),
		canPublish: access.canManage && state === 'approved',
		state
	};
	if (!access.canRead)
		return {
			...base,
			minutes: null,
			documentHtml: null,
			laterMeetings: [],
			options: { people: [], organizations: [] }
		};
	const [minutes, later, options] = await Promise.all([
		buildMinutesView(ctx.db, meeting, body, {
			publicOnly: !access.canReadNonPublic,
			withSuggestions: canEdit
		}),
		base.canApproveNow ? laterMeetingsOf(ctx.db, meeting) : [],
		canEdit ? assigneeOptions(ctx.db, tenantId) : { people: [], organizations: [] }
	]);
	const documentHtml = renderHtml(
		buildMinutesDocument(minutes, { publicVersion: !access.canReadNonPublic }),
		{ headingOffset: 1 }
	);
	return { ...base, minutes, documentHtml, laterMeetings: later, options };
}

async function laterMeetingsOf(db: Executor, meeting: Meeting) {
	const rows = await db
		.select({ id: meetings.id, startsAt: meetings.startsAt })
		.from(meetings)
		.where(
			and(
				eq(meetings.tenantId, meeting.tenantId),
				eq(meetings.bodyId, meeting.bodyId),
				gt(meetings.startsAt, meeting.startsAt),
				ne(meetings.state, 'cancelled')
			)
		)
		.orderBy(asc(meetings.startsAt))
		.limit(20);
	return rows.map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString() }));
}
