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
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { tenants } from '../tenants/schema';
import type { Body, BodyVisibility } from '../bodies/schema';
import {
	agendaItems,
	agendaItemSpeakers,
	meetings,
	type AgendaItem,
	type Meeting,
	type MinutesState
} from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { attendanceOf, presentMemberIds, type AttendanceView } from './attendance';
import {
	actionItemsOfMeeting,
	assigneeOptions,
	insertActionItem,
	parseActionItem,
	type ActionItemData,
	type ActionItemView
} from './action-items';
import {
	isEditable,
	loadMinutesAccess,
	loadMinutesToManage,
	lockEditableMeeting,
	type MinutesAccess
} from './access';
import { canApproveMinutes } from './visibility';
import { minutesDraftMail } from './mails';
import { buildMinutesDocument } from './documents';
import { renderHtml } from './document-model';

// ---------------------------------------------------------------------------------------------
// Reading

export interface AgendaItemMinutes {
	id: string;
	number: number;
	title: string;
	description: string | null;
	isPublic: boolean;
	responsibleName: string | null;
	plannedMinutes: number | null;
	speakers: { name: string; affiliation: string | null }[];
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
	ctx: Ctx,
	tenantId: string,
	meetingId: string
): Promise<MinutesPage> {
	const access = await loadMinutesAccess(ctx, tenantId, meetingId);
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

// ---------------------------------------------------------------------------------------------
// Writing

const MAX_TEXT = 20_000;
const text = z.string().max(MAX_TEXT, { error: 'minutes_error_too_long' });

const ACTION_FIELDS = [
	'title',
	'description',
	'assigneeUserId',
	'assigneeOrganizationId',
	'dueDate'
];

/**
 * Saves the minutes from the form: `intro`, and per agenda item `notes_<id>`, `decision_<id>`
 * and optionally a new action item `action_<id>_<field>` (title, description, assigneeUserId,
 * assigneeOrganizationId, dueDate). Fields not sent stay as they are. The first save turns
 * "none" into "draft". Refused after approval.
 */
export async function saveMinutes(
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	raw: Record<string, unknown>
): Promise<{ actionItemsCreated: number }> {
	const { meeting: current, body } = await loadMinutesToManage(ctx, tenantId, meetingId);
	if (current.state === 'cancelled') throw new ValidationError({ form: 'minutes_error_cancelled' });
	if (!isEditable(current)) throw new ValidationError({ form: 'minutes_error_locked' });
	const items = await loadAgendaItems(ctx.db, tenantId, current.id);
	const errors: Record<string, string> = {};
	const str = (key: string): string | undefined => {
		const v = raw[key];
		if (v === undefined || v === null) return undefined;
		const parsed = text.safeParse(String(v));
		if (!parsed.success) {
			errors[key] = 'minutes_error_too_long';
			return undefined;
		}
		return parsed.data.trim();
	};
	const intro = str('intro');
	const changes: { item: (typeof items)[number]; notes?: string; decision?: string }[] = [];
	const newActions: { itemId: string; data: ActionItemData }[] = [];
	for (const item of items) {
		const notes = str(`notes_${item.id}`);
		const decision = str(`decision_${item.id}`);
		changes.push({ item, notes, decision });
		const prefix = `action_${item.id}_`;
		const actionRaw = Object.fromEntries(
			ACTION_FIELDS.map((f) => [f, typeof raw[prefix + f] === 'string' ? raw[prefix + f] : ''])
		);
		if (Object.values(actionRaw).some((v) => String(v).trim() !== '')) {
			const { data, errors: e } = await parseActionItem(ctx.db, tenantId, actionRaw, prefix);
			Object.assign(errors, e);
			if (data) newActions.push({ itemId: item.id, data });
		}
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);

	return ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, meetingId);
		const before: Record<string, string | null> = {};
		const after: Record<string, string | null> = {};
		const nextState = meeting.minutesState === 'none' ? 'draft' : meeting.minutesState;
		const introValue = intro === undefined ? meeting.minutesIntro : intro || null;
		if (introValue !== meeting.minutesIntro) {
			before.intro = meeting.minutesIntro;
			after.intro = introValue;
		}
		await tx
			.update(meetings)
			.set({ minutesIntro: introValue, minutesState: nextState, updatedAt: new Date() })
			.where(eq(meetings.id, meeting.id));
		for (const { item, notes, decision } of changes) {
			const n = notes === undefined ? item.notes : notes || null;
			const d = decision === undefined ? item.decision : decision || null;
			if (n === item.notes && d === item.decision) continue;
			if (n !== item.notes) {
				before[`TOP ${item.number} notes`] = item.notes;
				after[`TOP ${item.number} notes`] = n;
			}
			if (d !== item.decision) {
				before[`TOP ${item.number} decision`] = item.decision;
				after[`TOP ${item.number} decision`] = d;
			}
			await tx
				.update(agendaItems)
				.set({ notes: n, decision: d, updatedAt: new Date() })
				.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, item.id)));
		}
		if (Object.keys(after).length > 0 || nextState !== meeting.minutesState) {
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'minutes.update',
				entityType: 'minutes',
				entityId: meeting.id,
				before: { name: meeting.title, state: meeting.minutesState, ...before },
				after: { name: meeting.title, state: nextState, ...after }
			});
		}
		for (const a of newActions) {
			await insertActionItem(
				tx,
				ctx,
				{ tenantId, bodyId: body.id, meetingId: meeting.id, agendaItemId: a.itemId },
				a.data
			);
		}
		return { actionItemsCreated: newActions.length };
	});
}

async function lockMeeting(tx: Executor, tenantId: string, meetingId: string) {
	const [meeting] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
		.for('update');
	if (!meeting) throw new NotFoundError();
	return meeting;
}

function transitionError(): never {
	throw new ValidationError({ form: 'minutes_error_transition' });
}

/** draft → shared: the draft is mailed to the members marked present. Returns how many mails. */
export async function shareMinutes(
	ctx: Ctx,
	tenantId: string,
	meetingId: string
): Promise<{ mails: number }> {
	const { body } = await loadMinutesToManage(ctx, tenantId, meetingId);
	const actor = ctx.actor!;
	return ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		if (meeting.minutesState !== 'draft') transitionError();
		const now = new Date();
		await tx
			.update(meetings)
			.set({ minutesState: 'shared', minutesSharedAt: now, updatedAt: now })
			.where(eq(meetings.id, meeting.id));
		const [tenant] = await tx
			.select({ slug: tenants.slug })
			.from(tenants)
			.where(eq(tenants.id, tenantId));
		const ids = await presentMemberIds(tx, meeting.id);
		const people = ids.length
			? await tx
					.select({
						id: users.id,
						email: users.email,
						name: users.name,
						locale: users.locale,
						disabledAt: users.disabledAt
					})
					.from(users)
					.where(inArray(users.id, ids))
			: [];
		let mails = 0;
		for (const p of people) {
			if (p.disabledAt) continue;
			await enqueueMail(
				tx,
				tenantId,
				minutesDraftMail({
					to: p.email,
					name: p.name,
					bodyName: body.name,
					meetingDate: meeting.startsAt,
					sharedBy: actor.name,
					link: `${ctx.origin}/app/${tenant.slug}/sitzungen/${meeting.id}/protokoll`,
					locale: p.locale === 'en' ? 'en' : 'de'
				})
			);
			mails++;
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.share',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title, state: meeting.minutesState },
			after: { name: meeting.title, state: 'shared', recipients: mails }
		});
		return { mails };
	});
}

const approveInput = z.object({
	inMeetingId: z.preprocess(
		(v) => (v === '' || v == null ? undefined : v),
		z.uuid({ error: 'minutes_error_approval_meeting_invalid' }).optional()
	)
});

/**
 * draft or shared → approved, by a speaker, deputy or the coordination. With `inMeetingId`: the
 * minutes were approved in that (later, not cancelled) meeting of the same body.
 */
export async function approveMinutes(
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	raw: Record<string, unknown> = {}
): Promise<void> {
	const access = await loadMinutesAccess(ctx, tenantId, meetingId);
	if (!access.canManage && !access.canApprove) throw new NotFoundError();
	if (!canApproveMinutes(ctx.actor, access.body))
		throw new ValidationError({ form: 'minutes_error_not_approver' });
	const parsed = approveInput.safeParse(raw);
	if (!parsed.success)
		throw new ValidationError({ inMeetingId: 'minutes_error_approval_meeting_invalid' });
	const inMeetingId = parsed.data.inMeetingId ?? null;
	await ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		if (meeting.minutesState !== 'draft' && meeting.minutesState !== 'shared') transitionError();
		if (inMeetingId) {
			const [later] = await tx
				.select({ id: meetings.id })
				.from(meetings)
				.where(
					and(
						eq(meetings.tenantId, tenantId),
						eq(meetings.bodyId, meeting.bodyId),
						eq(meetings.id, inMeetingId),
						gt(meetings.startsAt, meeting.startsAt),
						ne(meetings.state, 'cancelled')
					)
				);
			if (!later)
				throw new ValidationError({ inMeetingId: 'minutes_error_approval_meeting_invalid' });
		}
		const now = new Date();
		await tx
			.update(meetings)
			.set({
				minutesState: 'approved',
				minutesApprovedAt: now,
				minutesApprovedBy: ctx.actor!.userId,
				minutesApprovedInMeetingId: inMeetingId,
				updatedAt: now
			})
			.where(eq(meetings.id, meeting.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.approve',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title, state: meeting.minutesState },
			after: { name: meeting.title, state: 'approved', approvedInMeetingId: inMeetingId }
		});
	});
}

/** approved → published; the meeting counts as held from now on. */
export async function publishMinutes(ctx: Ctx, tenantId: string, meetingId: string): Promise<void> {
	await loadMinutesToManage(ctx, tenantId, meetingId);
	await ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		if (meeting.minutesState !== 'approved' || meeting.state === 'cancelled') transitionError();
		const now = new Date();
		await tx
			.update(meetings)
			.set({
				minutesState: 'published',
				minutesPublishedAt: now,
				state: 'held',
				updatedAt: now
			})
			.where(eq(meetings.id, meeting.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.publish',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title, state: meeting.minutesState, meetingState: meeting.state },
			after: { name: meeting.title, state: 'published', meetingState: 'held' }
		});
	});
}
