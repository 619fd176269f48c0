/**
 * What the body pages show: the list of bodies, a body's page (members, requests, hosts,
 * meetings, open action items), the member management page and the public pages. Meetings and
 * action items are read here, never changed; minutes appear as a state and a link only.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { actionItems, meetings, type MeetingState, type MinutesState } from '../meetings/schema';
import { localName } from '../needs/views';
import {
	BODY_KINDS,
	bodies,
	bodyHosts,
	bodyJoinRequests,
	bodyMemberships,
	type Body,
	type BodyKind,
	type BodyVisibility,
	type CadenceKind,
	type MembershipRole
} from './schema';
import { canManageMeetings, canSeeBody, loadVisibleBody } from './access';
import { BODIES_PAGE_SIZE, type BodyFilter } from './validation';
import { splitQuestions } from './bodies';
import { fieldOptions, organizationOptions, personOptions, type Option } from './lookups';
import { notEnded } from './memberships';
import { guidingQuestionsForBody, type GuidingQuestionView } from '../concept/structure';
import { isUuid, berlinToday } from '../shared';

const kindOrder = sql`CASE ${bodies.kind} ${sql.join(
	BODY_KINDS.map((k, i) => sql`WHEN ${k} THEN ${i}`),
	sql` `
)} END`;

const roleOrder = sql`CASE ${bodyMemberships.role} WHEN 'speaker' THEN 0 WHEN 'deputy' THEN 1 WHEN 'moderator' THEN 2 WHEN 'member' THEN 3 ELSE 4 END`;

/** The body's meeting-series settings, for the cadence in words. */
export interface CadenceView {
	cadenceKind: CadenceKind;
	cadenceMinWeeks: number | null;
	cadenceMaxWeeks: number | null;
	preferredWeekday: number | null;
	preferredTime: string | null;
}

export interface BodyListRow {
	id: string;
	kind: BodyKind;
	name: string;
	shortName: string | null;
	fieldName: string | null;
	visibility: BodyVisibility;
	archived: boolean;
	nextMeeting: Date | null;
	memberCount: number;
	/** the actor's current role in the body, if any */
	myRole: MembershipRole | null;
	/** the actor has asked to join and not heard back yet */
	myRequestPending: boolean;
	canJoin: boolean;
}

/** Bodies the actor may see: public and network ones, members-only ones they belong to. */
function visibleWhere(ctx: Ctx, tenantId: string): SQL | undefined {
	if (can(ctx.actor, 'body.manage', { tenantId })) return undefined;
	const own = Object.keys(ctx.actor?.bodyRoles ?? {});
	return or(
		inArray(bodies.visibility, ['public', 'network']),
		own.length > 0 ? and(eq(bodies.visibility, 'members'), inArray(bodies.id, own)) : undefined
	);
}

function nextMeetingSql() {
	return sql`(SELECT min(${meetings.startsAt}) FROM ${meetings} WHERE ${meetings.tenantId} = ${bodies.tenantId} AND ${meetings.bodyId} = ${bodies.id} AND ${meetings.state} IN ('planned', 'invited') AND ${meetings.startsAt} >= now())`.mapWith(
		meetings.startsAt
	);
}

/** The tenant's bodies the actor can see, by kind and name, with their next meeting. */
export async function listBodies(
	ctx: Ctx,
	tenantId: string,
	filter: BodyFilter
): Promise<{ rows: BodyListRow[]; hasMore: boolean }> {
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const today = berlinToday();
	const where: (SQL | undefined)[] = [eq(bodies.tenantId, tenantId), visibleWhere(ctx, tenantId)];
	if (filter.kind) where.push(eq(bodies.kind, filter.kind));
	if (!filter.archived) where.push(isNull(bodies.archivedAt));
	const rows = await ctx.db
		.select({
			body: bodies,
			fieldNames: fieldsOfAction.names,
			nextMeeting: nextMeetingSql(),
			memberCount:
				sql`(SELECT count(*) FROM ${bodyMemberships} WHERE ${bodyMemberships.bodyId} = ${bodies.id} AND ${bodyMemberships.startDate} <= ${today} AND (${bodyMemberships.endDate} IS NULL OR ${bodyMemberships.endDate} >= ${today}))`.mapWith(
					Number
				),
			pending:
				sql`EXISTS (SELECT 1 FROM ${bodyJoinRequests} WHERE ${bodyJoinRequests.bodyId} = ${bodies.id} AND ${bodyJoinRequests.userId} = ${actor.userId} AND ${bodyJoinRequests.status} = 'pending')`.mapWith(
					Boolean
				)
		})
		.from(bodies)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, bodies.fieldOfActionId))
		.where(and(...where))
		.orderBy(kindOrder, asc(bodies.name), asc(bodies.id))
		.limit(BODIES_PAGE_SIZE + 1)
		.offset((filter.page - 1) * BODIES_PAGE_SIZE);
	const mayJoin = can(actor, 'body.join', { tenantId });
	return {
		rows: rows.slice(0, BODIES_PAGE_SIZE).map((r) => {
			const myRole = actor.bodyRoles?.[r.body.id] ?? null;
			return {
				id: r.body.id,
				kind: r.body.kind,
				name: r.body.name,
				shortName: r.body.shortName,
				fieldName: r.fieldNames ? localName(r.fieldNames, ctx.locale) : null,
				visibility: r.body.visibility,
				archived: !!r.body.archivedAt,
				nextMeeting: r.nextMeeting ?? null,
				memberCount: r.memberCount,
				myRole,
				myRequestPending: r.pending,
				canJoin: mayJoin && !myRole && !r.pending && !r.body.archivedAt
			};
		}),
		hasMore: rows.length > BODIES_PAGE_SIZE
	};
}

export interface MemberView {
	membershipId: string;
	userId: string;
	name: string;
	role: MembershipRole;
	organizationId: string | null;
	organizationName: string | null;
	startDate: string;
	endDate: string | null;
}

export interface MeetingRow {
	id: string;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
	state: MeetingState;
	minutesState: MinutesState;
	locationKind: 'host' | 'room' | 'online';
	location: string | null;
	hostName: string | null;
}

export interface ActionItemRow {
	id: string;
	title: string;
	assigneeName: string | null;
	assigneeOrganization: string | null;
	dueDate: string | null;
	state: 'open' | 'in_progress';
	overdue: boolean;
}

export interface HostView {
	organizationId: string;
	name: string;
	location: string | null;
	/** the organisation's own address, used when no meeting address is given */
	address: string | null;
}

export interface BodyDetails extends CadenceView {
	id: string;
	kind: BodyKind;
	name: string;
	shortName: string | null;
	description: string | null;
	fieldOfActionId: string | null;
	fieldName: string | null;
	guidingQuestions: string[];
	guidingQuestionsText: string;
	visibility: BodyVisibility;
	durationMinutes: number;
	defaultLocation: string | null;
	rotateHost: boolean;
	reminderDays: number | null;
	archived: boolean;
}

async function bodyDetails(db: Executor, body: Body, locale: string): Promise<BodyDetails> {
	let fieldName: string | null = null;
	if (body.fieldOfActionId) {
		const [f] = await db
			.select({ names: fieldsOfAction.names })
			.from(fieldsOfAction)
			.where(
				and(eq(fieldsOfAction.tenantId, body.tenantId), eq(fieldsOfAction.id, body.fieldOfActionId))
			);
		fieldName = f ? localName(f.names, locale) : null;
	}
	return {
		id: body.id,
		kind: body.kind,
		name: body.name,
		shortName: body.shortName,
		description: body.description,
		fieldOfActionId: body.fieldOfActionId,
		fieldName,
		guidingQuestions: splitQuestions(body.guidingQuestions),
		guidingQuestionsText: body.guidingQuestions ?? '',
		visibility: body.visibility,
		cadenceKind: body.cadenceKind,
		cadenceMinWeeks: body.cadenceMinWeeks,
		cadenceMaxWeeks: body.cadenceMaxWeeks,
		preferredWeekday: body.preferredWeekday,
		preferredTime: body.preferredTime,
		durationMinutes: body.durationMinutes,
		defaultLocation: body.defaultLocation,
		rotateHost: body.rotateHost,
		reminderDays: body.reminderDays,
		archived: !!body.archivedAt
	};
}

/** Members of the body, current (not ended, incl. future starts) and former. */
async function members(
	db: Executor,
	body: Body
): Promise<{ current: MemberView[]; former: MemberView[] }> {
	const today = berlinToday();
	const rows = await db
		.select({
			m: bodyMemberships,
			name: users.name,
			organizationName: organizations.name
		})
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.leftJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
		.where(and(eq(bodyMemberships.tenantId, body.tenantId), eq(bodyMemberships.bodyId, body.id)))
		.orderBy(roleOrder, asc(users.name), desc(bodyMemberships.startDate))
		.limit(1000);
	const view = (r: (typeof rows)[number]): MemberView => ({
		membershipId: r.m.id,
		userId: r.m.userId,
		name: r.name,
		role: r.m.role,
		organizationId: r.m.organizationId,
		organizationName: r.organizationName,
		startDate: r.m.startDate,
		endDate: r.m.endDate
	});
	const current = rows.filter((r) => r.m.endDate === null || r.m.endDate >= today).map(view);
	const former = rows
		.filter((r) => r.m.endDate !== null && r.m.endDate < today)
		.map(view)
		.sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));
	return { current, former };
}

async function hosts(db: Executor, body: Body): Promise<HostView[]> {
	const rows = await db
		.select({
			organizationId: bodyHosts.organizationId,
			name: organizations.name,
			location: bodyHosts.location,
			street: organizations.street,
			postalCode: organizations.postalCode,
			city: organizations.city
		})
		.from(bodyHosts)
		.innerJoin(organizations, eq(organizations.id, bodyHosts.organizationId))
		.where(and(eq(bodyHosts.tenantId, body.tenantId), eq(bodyHosts.bodyId, body.id)))
		.orderBy(asc(organizations.name));
	return rows.map((r) => ({
		organizationId: r.organizationId,
		name: r.name,
		location: r.location,
		address:
			[r.street, [r.postalCode, r.city].filter(Boolean).join(' ')]
				.filter((x) => x && x.trim() !== '')
				.join(', ') || null
	}));
}

const hostOrg = alias(organizations, 'host_org');

async function meetingRows(
	db: Executor,
	body: Body,
	when: 'upcoming' | 'past',
	limit: number,
	publicOnly = false
): Promise<MeetingRow[]> {
	const now = new Date().toISOString();
	const rows = await db
		.select({
			meeting: meetings,
			hostName: hostOrg.name,
			hostPublic: hostOrg.isPublic
		})
		.from(meetings)
		.leftJoin(hostOrg, eq(hostOrg.id, meetings.hostOrganizationId))
		.where(
			and(
				eq(meetings.tenantId, body.tenantId),
				eq(meetings.bodyId, body.id),
				when === 'upcoming'
					? sql`${meetings.endsAt} >= ${now}::timestamptz`
					: sql`${meetings.endsAt} < ${now}::timestamptz`
			)
		)
		.orderBy(
			when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt),
			asc(meetings.id)
		)
		.limit(limit);
	return rows.map((r) => ({
		id: r.meeting.id,
		title: r.meeting.title,
		startsAt: r.meeting.startsAt,
		endsAt: r.meeting.endsAt,
		state: r.meeting.state,
		minutesState: r.meeting.minutesState,
		locationKind: r.meeting.locationKind,
		location: r.meeting.location,
		hostName: publicOnly && !r.hostPublic ? null : r.hostName
	}));
}

const assignee = alias(users, 'assignee');
const assigneeOrg = alias(organizations, 'assignee_org');

async function openActionItems(
	db: Executor,
	body: Body,
	limit: number
): Promise<{ rows: ActionItemRow[]; total: number }> {
	const today = berlinToday();
	const where = and(
		eq(actionItems.tenantId, body.tenantId),
		eq(actionItems.bodyId, body.id),
		inArray(actionItems.state, ['open', 'in_progress'])
	);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				item: actionItems,
				assigneeName: assignee.name,
				assigneeOrganization: assigneeOrg.name
			})
			.from(actionItems)
			.leftJoin(assignee, eq(assignee.id, actionItems.assigneeUserId))
			.leftJoin(assigneeOrg, eq(assigneeOrg.id, actionItems.assigneeOrganizationId))
			.where(where)
			.orderBy(sql`${actionItems.dueDate} ASC NULLS LAST`, asc(actionItems.createdAt))
			.limit(limit),
		db
			.select({ total: sql`count(*)`.mapWith(Number) })
			.from(actionItems)
			.where(where)
	]);
	return {
		rows: rows.map((r) => ({
			id: r.item.id,
			title: r.item.title,
			assigneeName: r.assigneeName,
			assigneeOrganization: r.assigneeOrganization,
			dueDate: r.item.dueDate,
			state: r.item.state as 'open' | 'in_progress',
			overdue: !!r.item.dueDate && r.item.dueDate < today
		})),
		total
	};
}

export interface JoinRequestView {
	id: string;
	userId: string;
	name: string;
	organizationName: string | null;
	message: string | null;
	createdAt: Date;
}

export interface ConceptQuestionGroup {
	guidelineId: string;
	guideline: string;
	editionTitle: string;
	questions: { id: string; question: string }[];
}

/** The concept's guiding questions for a body, grouped by their guideline (in its order). */
export function groupByGuideline(questions: GuidingQuestionView[]): ConceptQuestionGroup[] {
	const groups = new Map<string, ConceptQuestionGroup>();
	for (const q of questions) {
		let group = groups.get(q.guidelineId);
		if (!group) {
			group = {
				guidelineId: q.guidelineId,
				guideline: q.guideline,
				editionTitle: q.editionTitle,
				questions: []
			};
			groups.set(q.guidelineId, group);
		}
		group.questions.push({ id: q.id, question: q.question });
	}
	return [...groups.values()];
}

/** Everything the signed-in body page shows, with what the actor may do there. */
export async function getBodyPage(ctx: Ctx, tenantId: string, bodyId: string) {
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const body = await loadVisibleBody(ctx, tenantId, bodyId);
	const canDecide = can(actor, 'body.members.decide', { tenantId, bodyId: body.id });
	const canManageBody = can(actor, 'body.manage', { tenantId });
	const canPlan = canManageMeetings(actor, body);
	const [details, memberList, hostList, upcoming, past, items, requests, own, orgs, questions] =
		await Promise.all([
			bodyDetails(ctx.db, body, ctx.locale),
			members(ctx.db, body),
			hosts(ctx.db, body),
			meetingRows(ctx.db, body, 'upcoming', 10),
			meetingRows(ctx.db, body, 'past', 10),
			openActionItems(ctx.db, body, 20),
			canDecide ? pendingRequests(ctx.db, body) : Promise.resolve([] as JoinRequestView[]),
			ctx.db
				.select({ id: bodyJoinRequests.id, createdAt: bodyJoinRequests.createdAt })
				.from(bodyJoinRequests)
				.where(
					and(
						eq(bodyJoinRequests.tenantId, tenantId),
						eq(bodyJoinRequests.bodyId, body.id),
						eq(bodyJoinRequests.userId, actor.userId),
						eq(bodyJoinRequests.status, 'pending')
					)
				),
			can(actor, 'body.join', { tenantId })
				? organizationOptions(ctx.db, tenantId)
				: Promise.resolve([] as Option[]),
			guidingQuestionsForBody(ctx.db, tenantId, body.id)
		]);
	const isMember = memberList.current.some((mm) => mm.userId === actor.userId);
	return {
		body: details,
		members: memberList,
		hosts: hostList,
		upcoming,
		past,
		actionItems: items.rows,
		actionItemsTotal: items.total,
		conceptQuestions: groupByGuideline(questions),
		requests,
		myRequest: own[0] ?? null,
		isMember,
		myRole: actor.bodyRoles?.[body.id] ?? null,
		canJoin: can(actor, 'body.join', { tenantId }) && !isMember && !own[0] && !body.archivedAt,
		joinOrganizations: orgs,
		canDecide,
		canManageBody,
		canPlan
	};
}

async function pendingRequests(db: Executor, body: Body): Promise<JoinRequestView[]> {
	const rows = await db
		.select({
			r: bodyJoinRequests,
			name: users.name,
			organizationName: organizations.name
		})
		.from(bodyJoinRequests)
		.innerJoin(users, eq(users.id, bodyJoinRequests.userId))
		.leftJoin(organizations, eq(organizations.id, bodyJoinRequests.organizationId))
		.where(
			and(
				eq(bodyJoinRequests.tenantId, body.tenantId),
				eq(bodyJoinRequests.bodyId, body.id),
				eq(bodyJoinRequests.status, 'pending')
			)
		)
		.orderBy(asc(bodyJoinRequests.createdAt))
		.limit(200);
	return rows.map((r) => ({
		id: r.r.id,
		userId: r.r.userId,
		name: r.name,
		organizationName: r.organizationName,
		message: r.r.message,
		createdAt: r.r.createdAt
	}));
}

/**
 * The member management page: memberships (for coordinators) and the host pool (for all who
 * plan the body's meetings). NotFoundError for anyone else.
 */
export async function getMembersPage(ctx: Ctx, tenantId: string, bodyId: string) {
	authorize(ctx.actor, 'body.view', { tenantId });
	const body = await loadVisibleBody(ctx, tenantId, bodyId);
	const canManageBody = can(ctx.actor, 'body.manage', { tenantId });
	const canManageHosts = canManageMeetings(ctx.actor, body);
	if (!canManageBody && !canManageHosts) throw new NotFoundError();
	const [memberList, hostList, persons, orgs] = await Promise.all([
		members(ctx.db, body),
		hosts(ctx.db, body),
		canManageBody ? personOptions(ctx.db, tenantId) : Promise.resolve([] as Option[]),
		organizationOptions(ctx.db, tenantId)
	]);
	return {
		body: { id: body.id, name: body.name, archived: !!body.archivedAt },
		members: memberList,
		hosts: hostList,
		persons,
		organizations: orgs,
		canManageBody,
		canManageHosts
	};
}

/** The body to edit and what its form offers, for coordinators. */
export async function getBodyForEdit(ctx: Ctx, tenantId: string, bodyId: string) {
	authorize(ctx.actor, 'body.manage', { tenantId });
	const body = await loadVisibleBody(ctx, tenantId, bodyId);
	return bodyDetails(ctx.db, body, ctx.locale);
}

export async function bodyFormOptions(ctx: Ctx, tenantId: string) {
	authorize(ctx.actor, 'body.manage', { tenantId });
	return { fields: await fieldOptions(ctx.db, tenantId, ctx.locale) };
}

// ---------------------------------------------------------------------------------------------
// Public pages: only bodies with visibility "public" that are not archived, of public tenants
// (the caller resolves the tenant with findPublicTenant). Never persons' names.

export interface PublicBodyRow {
	id: string;
	kind: BodyKind;
	name: string;
	shortName: string | null;
	fieldName: string | null;
	nextMeeting: Date | null;
}

const publicWhere = (tenantId: string) =>
	and(eq(bodies.tenantId, tenantId), eq(bodies.visibility, 'public'), isNull(bodies.archivedAt));

export async function listPublicBodies(
	db: Executor,
	tenantId: string,
	locale: string
): Promise<PublicBodyRow[]> {
	const rows = await db
		.select({ body: bodies, fieldNames: fieldsOfAction.names, nextMeeting: nextMeetingSql() })
		.from(bodies)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, bodies.fieldOfActionId))
		.where(publicWhere(tenantId))
		.orderBy(kindOrder, asc(bodies.name), asc(bodies.id))
		.limit(500);
	return rows.map((r) => ({
		id: r.body.id,
		kind: r.body.kind,
		name: r.body.name,
		shortName: r.body.shortName,
		fieldName: r.fieldNames ? localName(r.fieldNames, locale) : null,
		nextMeeting: r.nextMeeting ?? null
	}));
}

/** A public body's page, or null when it is not public (or missing, or of another tenant). */
export async function getPublicBody(
	db: Executor,
	tenantId: string,
	bodyId: string,
	locale: string
) {
	if (!isUuid(bodyId)) return null;
	const [body] = await db
		.select()
		.from(bodies)
		.where(and(publicWhere(tenantId), eq(bodies.id, bodyId)));
	if (!body || !canSeeBody(null, body)) return null;
	const today = berlinToday();
	const [details, memberOrgs, upcoming, past] = await Promise.all([
		bodyDetails(db, body, locale),
		db
			.selectDistinct({ id: organizations.id, name: organizations.name })
			.from(bodyMemberships)
			.innerJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
			.where(
				and(
					eq(bodyMemberships.tenantId, tenantId),
					eq(bodyMemberships.bodyId, body.id),
					isNotNull(bodyMemberships.organizationId),
					sql`${bodyMemberships.startDate} <= ${today}`,
					notEnded(today),
					eq(organizations.isPublic, true)
				)
			)
			.orderBy(asc(organizations.name)),
		meetingRows(db, body, 'upcoming', 10, true),
		meetingRows(db, body, 'past', 20, true)
	]);
	return { body: details, organizations: memberOrgs, upcoming, past };
}
