/**
 * Aufgaben (action items) from the minutes: what, who (a person of the tenant and/or an
 * organisation), by when; with a state (open, in progress, done, cancelled).
 *
 * - created from an agenda item while the minutes can still change (managers of the body);
 * - edited and deleted by the body's managers (deleting only while the minutes of its meeting
 *   can change — afterwards it is part of the record: cancel it instead);
 * - state changed by the body's managers, the assigned person, and — for items assigned only to
 *   an organisation — the people who edit or represent that organisation;
 * - listed per body (for managers and members of the body) and per person ("Meine Aufgaben");
 * - one reminder mail before the due date (sendActionItemReminders, hourly from runtime.ts).
 */
import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Db, Executor } from '../db/client';
import type { Actor } from '../auth/actor';
import { can } from '../auth/policy';
import { tenantMembers, users } from '../auth/schema';
import { organizations, organizationTenants } from '../organizations/schema';
import { bodies, bodyMemberships, type Body } from '../bodies/schema';
import { canManageMeetings, loadVisibleBody } from '../bodies/access';
import { tenants } from '../tenants/schema';
import {
	ACTION_ITEM_STATES,
	actionItems,
	agendaItems,
	meetings,
	type ActionItem,
	type ActionItemState
} from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { coordinatorsOf, type Recipient } from '../organizations/editors';
import { isEditable, lockEditableMeeting, loadMinutesToManage } from './access';
import { actionItemReminderMail } from './mails';
import { isUuid, berlinToday } from '../shared';

// ---------------------------------------------------------------------------------------------
// Input

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** YYYY-MM-DD that is a real calendar date. */
const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'minutes_error_due_invalid' })
	.refine(
		(v) =>
			!Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
			new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
		{
			error: 'minutes_error_due_invalid'
		}
	);

export const actionItemInput = z.object({
	title: z
		.string({ error: 'minutes_error_action_title_required' })
		.trim()
		.min(1, { error: 'minutes_error_action_title_required' })
		.max(300, { error: 'minutes_error_too_long' }),
	description: z.preprocess(
		blank,
		z.string().trim().max(5000, { error: 'minutes_error_too_long' }).optional()
	),
	assigneeUserId: z.preprocess(
		blank,
		z.uuid({ error: 'minutes_error_assignee_invalid' }).optional()
	),
	assigneeOrganizationId: z.preprocess(
		blank,
		z.uuid({ error: 'minutes_error_organization_invalid' }).optional()
	),
	dueDate: z.preprocess(blank, isoDate.optional())
});
export type ActionItemData = z.output<typeof actionItemInput>;

/**
 * Validates an action item; errors are keyed by `prefix + field`. Checks that the person has a
 * role in the tenant and the organisation belongs to it (kept by it or taking part in it).
 */
export async function parseActionItem(
	db: Executor,
	tenantId: string,
	raw: Record<string, unknown>,
	prefix = ''
): Promise<{ data: ActionItemData | null; errors: Record<string, string> }> {
	const parsed = actionItemInput.safeParse(raw);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const key = prefix + String(issue.path[0] ?? 'title');
			errors[key] ??= issue.message;
		}
		return { data: null, errors };
	}
	const data = parsed.data;
	if (data.assigneeUserId && !(await isTenantPerson(db, tenantId, data.assigneeUserId)))
		errors[prefix + 'assigneeUserId'] = 'minutes_error_assignee_invalid';
	if (
		data.assigneeOrganizationId &&
		!(await isTenantOrganization(db, tenantId, data.assigneeOrganizationId))
	)
		errors[prefix + 'assigneeOrganizationId'] = 'minutes_error_organization_invalid';
	return { data: Object.keys(errors).length ? null : data, errors };
}

async function isTenantPerson(db: Executor, tenantId: string, userId: string) {
	const [row] = await db
		.select({ userId: tenantMembers.userId })
		.from(tenantMembers)
		.where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId)));
	return !!row;
}

function tenantOrganizationCondition(tenantId: string): SQL {
	return or(
		eq(organizations.tenantId, tenantId),
		sql`exists (select 1 from ${organizationTenants} where ${organizationTenants.organizationId} = ${organizations.id} and ${organizationTenants.tenantId} = ${tenantId})`
	)!;
}

async function isTenantOrganization(db: Executor, tenantId: string, organizationId: string) {
	const [row] = await db
		.select({ id: organizations.id })
		.from(organizations)
		.where(and(eq(organizations.id, organizationId), tenantOrganizationCondition(tenantId)));
	return !!row;
}

/** People and organisations to choose from when assigning an action item. */
export async function assigneeOptions(db: Executor, tenantId: string) {
	const [people, orgs] = await Promise.all([
		db
			.select({ id: users.id, name: users.name })
			.from(tenantMembers)
			.innerJoin(users, eq(users.id, tenantMembers.userId))
			.where(and(eq(tenantMembers.tenantId, tenantId), isNull(users.disabledAt)))
			.orderBy(asc(users.name)),
		db
			.select({ id: organizations.id, name: organizations.name })
			.from(organizations)
			.where(tenantOrganizationCondition(tenantId))
			.orderBy(asc(organizations.name))
	]);
	return { people, organizations: orgs };
}

/** What the audit log keeps of an action item. */
function auditView(row: ActionItem) {
	return {
		name: row.title,
		description: row.description,
		assigneeUserId: row.assigneeUserId,
		assigneeOrganizationId: row.assigneeOrganizationId,
		dueDate: row.dueDate,
		state: row.state,
		meetingId: row.meetingId,
		agendaItemId: row.agendaItemId
	};
}

/** Inserts an action item in the caller's transaction (the minutes' save uses it too). */
export async function insertActionItem(
	tx: Executor,
	ctx: Ctx,
	target: { tenantId: string; bodyId: string; meetingId: string; agendaItemId: string },
	data: ActionItemData
): Promise<ActionItem> {
	const [row] = await tx
		.insert(actionItems)
		.values({
			...target,
			title: data.title,
			description: data.description ?? null,
			assigneeUserId: data.assigneeUserId ?? null,
			assigneeOrganizationId: data.assigneeOrganizationId ?? null,
			dueDate: data.dueDate ?? null,
			createdBy: ctx.actor?.userId ?? null
		})
		.returning();
	await recordAudit(tx, ctx, {
		tenantId: target.tenantId,
		action: 'action_item.create',
		entityType: 'action_item',
		entityId: row.id,
		after: auditView(row)
	});
	return row;
}

// ---------------------------------------------------------------------------------------------
// Use cases

/** A manager records an action item for an agenda item of the minutes. */
export async function createActionItem(
	ctx: Ctx,
	tenantId: string,
	meetingId: string,
	agendaItemId: string,
	raw: Record<string, unknown>
): Promise<{ id: string }> {
	const { body } = await loadMinutesToManage(ctx, tenantId, meetingId);
	if (!isUuid(agendaItemId)) throw new NotFoundError();
	const { data, errors } = await parseActionItem(ctx.db, tenantId, raw);
	if (!data) throw new ValidationError(errors);
	return ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, meetingId);
		const [item] = await tx
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.tenantId, tenantId),
					eq(agendaItems.meetingId, meeting.id),
					eq(agendaItems.id, agendaItemId)
				)
			);
		if (!item) throw new NotFoundError();
		const row = await insertActionItem(
			tx,
			ctx,
			{ tenantId, bodyId: body.id, meetingId: meeting.id, agendaItemId: item.id },
			data
		);
		return { id: row.id };
	});
}

async function findItemWithBody(db: Executor, tenantId: string, id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select({ item: actionItems, body: bodies })
		.from(actionItems)
		.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
		.where(and(eq(actionItems.tenantId, tenantId), eq(actionItems.id, id)));
	return row ?? null;
}

/** Organisations the actor edits (tenant role editor) or represents in a body of the tenant. */
async function myOrganizationIds(db: Executor, actor: Actor, tenantId: string): Promise<string[]> {
	const edited = actor.editorOf[tenantId] ?? [];
	const represented = await db
		.select({ organizationId: bodyMemberships.organizationId })
		.from(bodyMemberships)
		.where(
			and(
				eq(bodyMemberships.tenantId, tenantId),
				eq(bodyMemberships.userId, actor.userId),
				lte(bodyMemberships.startDate, sql`CURRENT_DATE`),
				or(isNull(bodyMemberships.endDate), sql`${bodyMemberships.endDate} >= CURRENT_DATE`)
			)
		);
	return [
		...new Set([
			...edited,
			...represented.map((r) => r.organizationId).filter((o): o is string => !!o)
		])
	];
}

/** Whether the actor may change the item's state (see the file comment). */
async function mayChangeState(db: Executor, actor: Actor | null, item: ActionItem, body: Body) {
	if (!actor || !can(actor, 'tenant.view', { tenantId: item.tenantId })) return false;
	if (canManageMeetings(actor, body)) return true;
	if (item.assigneeUserId) return item.assigneeUserId === actor.userId;
	if (item.assigneeOrganizationId)
		return (await myOrganizationIds(db, actor, item.tenantId)).includes(
			item.assigneeOrganizationId
		);
	return false;
}

const stateSchema = z.enum(ACTION_ITEM_STATES, { error: 'minutes_error_action_state_invalid' });

export async function setActionItemState(
	ctx: Ctx,
	tenantId: string,
	id: string,
	state: unknown
): Promise<void> {
	const found = await findItemWithBody(ctx.db, tenantId, id);
	if (!found || !(await mayChangeState(ctx.db, ctx.actor, found.item, found.body)))
		throw new NotFoundError();
	const parsed = stateSchema.safeParse(state);
	if (!parsed.success) throw new ValidationError({ state: 'minutes_error_action_state_invalid' });
	const next = parsed.data;
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(actionItems)
			.where(and(eq(actionItems.tenantId, tenantId), eq(actionItems.id, found.item.id)))
			.for('update');
		if (!before) throw new NotFoundError();
		if (before.state === next) return;
		const done = next === 'done' || next === 'cancelled';
		await tx
			.update(actionItems)
			.set({ state: next, completedAt: done ? new Date() : null, updatedAt: new Date() })
			.where(eq(actionItems.id, before.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'action_item.state_change',
			entityType: 'action_item',
			entityId: before.id,
			before: { name: before.title, state: before.state },
			after: { name: before.title, state: next }
		});
	});
}

/** A manager of the body changes what, who or by when. A new due date arms the reminder again. */
export async function updateActionItem(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: Record<string, unknown>
): Promise<void> {
	const found = await findItemWithBody(ctx.db, tenantId, id);
	if (!found || !canManageMeetings(ctx.actor, found.body)) throw new NotFoundError();
	const { data, errors } = await parseActionItem(ctx.db, tenantId, raw);
	if (!data) throw new ValidationError(errors);
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(actionItems)
			.where(and(eq(actionItems.tenantId, tenantId), eq(actionItems.id, found.item.id)))
			.for('update');
		if (!before) throw new NotFoundError();
		const dueDate = data.dueDate ?? null;
		const [after] = await tx
			.update(actionItems)
			.set({
				title: data.title,
				description: data.description ?? null,
				assigneeUserId: data.assigneeUserId ?? null,
				assigneeOrganizationId: data.assigneeOrganizationId ?? null,
				dueDate,
				remindedAt: dueDate === before.dueDate ? before.remindedAt : null,
				updatedAt: new Date()
			})
			.where(eq(actionItems.id, before.id))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'action_item.update',
			entityType: 'action_item',
			entityId: before.id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}

/** A manager removes an action item while the minutes of its meeting can still change. */
export async function deleteActionItem(ctx: Ctx, tenantId: string, id: string): Promise<void> {
	const found = await findItemWithBody(ctx.db, tenantId, id);
	if (!found || !canManageMeetings(ctx.actor, found.body)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		if (found.item.meetingId) {
			const [meeting] = await tx
				.select()
				.from(meetings)
				.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, found.item.meetingId)))
				.for('update');
			if (meeting && !isEditable(meeting))
				throw new ValidationError({ form: 'minutes_error_action_locked' });
		}
		const [row] = await tx
			.delete(actionItems)
			.where(and(eq(actionItems.tenantId, tenantId), eq(actionItems.id, found.item.id)))
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'action_item.delete',
			entityType: 'action_item',
			entityId: row.id,
			before: auditView(row)
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Lists

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

/** Today in Europe/Berlin (YYYY-MM-DD). */
export { berlinToday };

const OPEN_STATES: ActionItemState[] = ['open', 'in_progress'];

async function selectViews(db: Executor, where: SQL | undefined) {
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
	ctx: Ctx,
	tenantId: string,
	bodyId: string,
	filter: Partial<ActionItemFilter> = {}
): Promise<{ body: Body; items: ActionItemView[]; canManage: boolean }> {
	const body = await loadVisibleBody(ctx, tenantId, bodyId);
	const canManage = canManageMeetings(ctx.actor, body);
	if (!canManage && !ctx.actor?.bodyRoles?.[body.id]) throw new NotFoundError();
	const state = actionItemFilter.parse(filter).state;
	const rows = await selectViews(
		ctx.db,
		and(eq(actionItems.tenantId, tenantId), eq(actionItems.bodyId, body.id), stateCondition(state))
	);
	const today = berlinToday();
	const mine = ctx.actor ? await myOrganizationIds(ctx.db, ctx.actor, tenantId) : [];
	return {
		body,
		canManage,
		items: rows.map((r) =>
			toView(
				r,
				today,
				canManage ||
					r.item.assigneeUserId === ctx.actor?.userId ||
					(!r.item.assigneeUserId &&
						!!r.item.assigneeOrganizationId &&
						mine.includes(r.item.assigneeOrganizationId)),
				canManage
			)
		)
	};
}

/**
 * "Meine Aufgaben": items of the tenant assigned to the actor, or to an organisation the actor
 * edits or represents in a body.
 */
export async function listMyActionItems(
	ctx: Ctx,
	tenantId: string,
	filter: Partial<ActionItemFilter> = {}
): Promise<ActionItemView[]> {
	const actor = ctx.actor;
	if (!actor || !can(actor, 'tenant.view', { tenantId })) throw new NotFoundError();
	const orgIds = await myOrganizationIds(ctx.db, actor, tenantId);
	const state = actionItemFilter.parse(filter).state;
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
			stateCondition(state)
		)
	);
	const today = berlinToday();
	return rows.map((r) => {
		const manages = canManageMeetings(actor, { id: r.body.id, tenantId });
		const own =
			r.item.assigneeUserId === actor.userId ||
			(!r.item.assigneeUserId &&
				!!r.item.assigneeOrganizationId &&
				orgIds.includes(r.item.assigneeOrganizationId));
		return toView(r, today, manages || own, manages);
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

// ---------------------------------------------------------------------------------------------
// Reminders

const REMINDER_DAYS = 3;
const BATCH = 500;

/**
 * Mails one reminder per open or in-progress item whose due date is at most three days away (or
 * already passed) and that was not reminded yet: to the assigned person, or — when only an
 * organisation (or nobody) is assigned — to the body's speakers (the coordination when the body
 * has none). Safe with several instances (FOR UPDATE SKIP LOCKED). Returns the counts.
 */
export async function sendActionItemReminders(
	db: Db,
	origin: string,
	now: Date = new Date()
): Promise<{ items: number; mails: number }> {
	const limit = berlinToday(new Date(now.getTime() + REMINDER_DAYS * 86_400_000));
	const today = berlinToday(now);
	const total = { items: 0, mails: 0 };
	for (let i = 0; i < 100; i++) {
		const batch = await db.transaction(async (tx) => {
			const due = await tx
				.select({
					item: actionItems,
					slug: tenants.slug,
					bodyName: bodies.name
				})
				.from(actionItems)
				.innerJoin(tenants, eq(tenants.id, actionItems.tenantId))
				.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
				.where(
					and(
						inArray(actionItems.state, OPEN_STATES),
						isNull(actionItems.remindedAt),
						sql`${actionItems.dueDate} <= ${limit}::date`
					)
				)
				.orderBy(asc(actionItems.dueDate))
				.limit(BATCH)
				.for('update', { of: actionItems, skipLocked: true });
			let mails = 0;
			for (const { item, slug, bodyName } of due) {
				const recipients = await reminderRecipients(tx, item);
				for (const who of recipients) {
					await enqueueMail(
						tx,
						item.tenantId,
						actionItemReminderMail({
							to: who.email,
							name: who.name,
							title: item.title,
							bodyName,
							dueDate: item.dueDate!,
							overdue: item.dueDate! < today,
							link: `${origin}/app/${slug}/aufgaben`,
							bodyLink: `${origin}/app/${slug}/gremien/${item.bodyId}/aufgaben`,
							forSpeaker: who.userId !== item.assigneeUserId,
							locale: who.locale
						})
					);
					mails++;
				}
			}
			if (due.length > 0)
				await tx
					.update(actionItems)
					.set({ remindedAt: now })
					.where(
						inArray(
							actionItems.id,
							due.map((d) => d.item.id)
						)
					);
			return { items: due.length, mails };
		});
		total.items += batch.items;
		total.mails += batch.mails;
		if (batch.items < BATCH) break;
	}
	return total;
}

const asLocale = (l: string | null): 'de' | 'en' => (l === 'en' ? 'en' : 'de');

async function reminderRecipients(tx: Executor, item: ActionItem): Promise<Recipient[]> {
	if (item.assigneeUserId) {
		const [person] = await tx
			.select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
			.from(users)
			.innerJoin(
				tenantMembers,
				and(eq(tenantMembers.userId, users.id), eq(tenantMembers.tenantId, item.tenantId))
			)
			.where(and(eq(users.id, item.assigneeUserId), isNull(users.disabledAt)));
		if (person) return [{ ...person, locale: asLocale(person.locale) }];
	}
	const speakers = await tx
		.select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.where(
			and(
				eq(bodyMemberships.tenantId, item.tenantId),
				eq(bodyMemberships.bodyId, item.bodyId),
				eq(bodyMemberships.role, 'speaker'),
				lte(bodyMemberships.startDate, sql`CURRENT_DATE`),
				or(isNull(bodyMemberships.endDate), sql`${bodyMemberships.endDate} >= CURRENT_DATE`),
				isNull(users.disabledAt)
			)
		);
	if (speakers.length > 0) return speakers.map((s) => ({ ...s, locale: asLocale(s.locale) }));
	return coordinatorsOf(tx, item.tenantId);
}
