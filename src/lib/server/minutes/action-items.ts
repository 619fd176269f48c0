/**
 * Lists of action items (Aufgaben): per body (for managers and members of the body), per person
 * ("Meine Aufgaben"), per meeting (in the minutes) and the open ones on the body page. Changes:
 * ./action-item-changes.ts; reminders: ./action-item-reminders.ts.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { can } from '../auth/policy';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodies, type Body } from '../bodies/schema';
import { canManageMeetings, loadVisibleBody } from '../bodies/access';
import { meetings } from '../meetings/schema';
import { NotFoundError } from '../errors';
import { ACTION_ITEM_STATES, actionItems, type ActionItemState } from './schema';
import { isAssignedTo, myOrganizationIds } from './action-item-access';
import { berlinToday } from '../shared';

export interface ActionItemView {
	id: string;
	title: string;
	description: string | null;
	state: ActionItemState;
	dueDate: string | null;
	overdue: boolean;
	assigneeUserId: string | null;
	assigneeName: string | null;
	assigneeOrganizationId: string | null;
	assigneeOrganizationName: string | null;
	body: { id: string; name: string; shortName: string | null };
	meeting: { id: string; startsAt: string } | null;
	agendaItemId: string | null;
	/** whether the viewer may change the state / edit and delete */
	canChangeState: boolean;
	canEdit: boolean;
}

const OPEN_STATES: ActionItemState[] = ['open', 'in_progress'];

function selectViews(db: Executor, where: SQL | undefined) {
	const assignee = users;
	return (
		db
			.select({
				item: actionItems,
				assigneeName: assignee.name,
				organizationName: organizations.name,
				body: { id: bodies.id, name: bodies.name, shortName: bodies.shortName },
				meetingStartsAt: meetings.startsAt
			})
			.from(actionItems)
			.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
			.leftJoin(assignee, eq(assignee.id, actionItems.assigneeUserId))
			.leftJoin(organizations, eq(organizations.id, actionItems.assigneeOrganizationId))
			.leftJoin(meetings, eq(meetings.id, actionItems.meetingId))
			.where(where)
			// open ones with the earliest (or a missed) due date first; without a date after them
			.orderBy(
				sql`case when ${actionItems.state} in ('open', 'in_progress') then 0 else 1 end`,
				sql`${actionItems.dueDate} asc nulls last`,
				asc(actionItems.createdAt)
			)
	);
}

type Row = Awaited<ReturnType<typeof selectViews>>[number];

function toView(r: Row, today: string, canChangeState: boolean, canEdit: boolean): ActionItemView {
	const it = r.item;
	return {
		id: it.id,
		title: it.title,
		description: it.description,
		state: it.state,
		dueDate: it.dueDate,
		overdue: !!it.dueDate && it.dueDate < today && OPEN_STATES.includes(it.state),
		assigneeUserId: it.assigneeUserId,
		assigneeName: r.assigneeName,
		assigneeOrganizationId: it.assigneeOrganizationId,
		assigneeOrganizationName: r.organizationName,
		body: r.body,
		meeting:
			it.meetingId && r.meetingStartsAt
				? { id: it.meetingId, startsAt: r.meetingStartsAt.toISOString() }
				: null,
		agendaItemId: it.agendaItemId,
		canChangeState,
		canEdit
	};
}

export const actionItemFilter = z.object({
	state: z
		.enum([...ACTION_ITEM_STATES, 'active', 'all'])
		.catch('active')
		.default('active')
});
export type ActionItemFilter = z.infer<typeof actionItemFilter>;

function stateCondition(state: ActionItemFilter['state']): SQL | undefined {
	if (state === 'all') return undefined;
	if (state === 'active') return inArray(actionItems.state, OPEN_STATES);
	return eq(actionItems.state, state);
}

/**
 * The body's action items, for its managers and members (others: NotFoundError). Open items
 * first, earliest due date (so overdue ones) at the top.
 */
export async function listBodyActionItems(
	ctx: TenantCtx,
	input: { bodyId: string; filter?: Partial<ActionItemFilter> }
): Promise<{
	body: { id: string; name: string };
	items: ActionItemView[];
	canManage: boolean;
	filter: ActionItemFilter;
	states: typeof ACTION_ITEM_STATES;
}> {
	const tenantId = ctx.tenant.id;
	const body = await loadVisibleBody(ctx, tenantId, input.bodyId);
	const canManage = canManageMeetings(ctx.actor, body);
	if (!canManage && !ctx.actor?.bodyRoles?.[body.id]) throw new NotFoundError();
	const filter = actionItemFilter.parse(input.filter ?? {});
	const rows = await selectViews(
		ctx.db,
		and(
			eq(actionItems.tenantId, tenantId),
			eq(actionItems.bodyId, body.id),
			stateCondition(filter.state)
		)
	);
	const today = berlinToday();
	const mine = ctx.actor ? await myOrganizationIds(ctx.db, ctx.actor, tenantId) : [];
	return {
		body: { id: body.id, name: body.name },
		canManage,
		filter,
		states: ACTION_ITEM_STATES,
		items: rows.map((r) =>
			toView(r, today, canManage || isAssignedTo(r.item, ctx.actor?.userId, mine), canManage)
		)
	};
}

/**
 * "Meine Aufgaben": items of the tenant assigned to the actor, or to an organisation the actor
 * edits or represents in a body.
 */
export async function listMyActionItems(
	ctx: TenantCtx,
	input: { filter?: Partial<ActionItemFilter> } = {}
): Promise<ActionItemView[]> {
	const tenantId = ctx.tenant.id;
	const actor = ctx.actor;
	if (!actor || !can(actor, 'tenant.view', { tenantId })) throw new NotFoundError();
	const orgIds = await myOrganizationIds(ctx.db, actor, tenantId);
	const filter = actionItemFilter.parse(input.filter ?? {});
	const rows = await selectViews(
		ctx.db,
		and(
			eq(actionItems.tenantId, tenantId),
			orgIds.length > 0
				? or(
						eq(actionItems.assigneeUserId, actor.userId),
						inArray(actionItems.assigneeOrganizationId, orgIds)
					)
				: eq(actionItems.assigneeUserId, actor.userId),
			stateCondition(filter.state)
		)
	);
	const today = berlinToday();
	return rows.map((r) => {
		const manages = canManageMeetings(actor, { id: r.body.id, tenantId });
		return toView(r, today, manages || isAssignedTo(r.item, actor.userId, orgIds), manages);
	});
}

/** Action items recorded in a meeting's minutes (no authorisation: callers have checked). */
export async function actionItemsOfMeeting(db: Executor, tenantId: string, meetingId: string) {
	const rows = await selectViews(
		db,
		and(eq(actionItems.tenantId, tenantId), eq(actionItems.meetingId, meetingId))
	);
	const today = berlinToday();
	return rows.map((r) => toView(r, today, false, false));
}

/** An open action item on the body page. */
export interface ActionItemRow {
	id: string;
	title: string;
	assigneeName: string | null;
	assigneeOrganization: string | null;
	dueDate: string | null;
	state: 'open' | 'in_progress';
	overdue: boolean;
}

/**
 * The body's open and in-progress items for its page, earliest due date first, with their
 * total (no authorisation: the body page has checked).
 */
export async function openActionItemsOfBody(
	db: Executor,
	body: Pick<Body, 'id' | 'tenantId'>,
	limit: number
): Promise<{ rows: ActionItemRow[]; total: number }> {
	const where = and(
		eq(actionItems.tenantId, body.tenantId),
		eq(actionItems.bodyId, body.id),
		stateCondition('active')
	);
	const [rows, [{ total }]] = await Promise.all([
		selectViews(db, where).limit(limit),
		db
			.select({ total: sql`count(*)`.mapWith(Number) })
			.from(actionItems)
			.where(where)
	]);
	const today = berlinToday();
	return {
		rows: rows.map((r) => ({
			id: r.item.id,
			title: r.item.title,
			assigneeName: r.assigneeName,
			assigneeOrganization: r.organizationName,
			dueDate: r.item.dueDate,
			state: r.item.state as 'open' | 'in_progress',
			overdue: !!r.item.dueDate && r.item.dueDate < today
		})),
		total
	};
}
