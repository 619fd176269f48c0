/**
 * Who may do what with an action item: the body's managers everything; the assigned person, and
 * for items assigned only to an organisation the people who edit or represent it, the state.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Actor } from '../auth/actor';
import { can } from '../auth/policy';
import { bodies, bodyMemberships, type Body } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { isCurrentMembership } from '../bodies/membership-rule';
import { NotFoundError } from '../errors';
import { actionItems, type ActionItem } from './schema';
import { requireUuid } from '../shared';

/**
 * An action item named by a form, with the parent the URL names: the body (`bodyId`) or the
 * meeting (`meetingId`) it must belong to. Without a parent (the "Meine Aufgaben" list) the
 * tenant is the parent.
 */
export interface ActionItemRef {
	actionItemId: unknown;
	bodyId?: string;
	meetingId?: string;
}

/**
 * The item with its body, checked against the tenant and the parent named in `ref`:
 * NotFoundError for a malformed id or an item of another body, meeting or tenant.
 */
export async function findItemWithBody(
	db: Executor,
	tenantId: string,
	ref: ActionItemRef
): Promise<{ item: ActionItem; body: Body }> {
	const id = requireUuid(ref.actionItemId);
	const [row] = await db
		.select({ item: actionItems, body: bodies })
		.from(actionItems)
		.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
		.where(
			and(
				eq(actionItems.tenantId, tenantId),
				eq(actionItems.id, id),
				ref.bodyId !== undefined ? eq(actionItems.bodyId, requireUuid(ref.bodyId)) : undefined,
				ref.meetingId !== undefined
					? eq(actionItems.meetingId, requireUuid(ref.meetingId))
					: undefined
			)
		);
	if (!row) throw new NotFoundError();
	return row;
}

/** Organisations the actor edits (tenant role editor) or represents in a body of the tenant. */
export async function myOrganizationIds(
	db: Executor,
	actor: Actor,
	tenantId: string
): Promise<string[]> {
	const edited = actor.editorOf[tenantId] ?? [];
	const represented = await db
		.select({ organizationId: bodyMemberships.organizationId })
		.from(bodyMemberships)
		.where(
			and(
				eq(bodyMemberships.tenantId, tenantId),
				eq(bodyMemberships.userId, actor.userId),
				isCurrentMembership()
			)
		);
	return [
		...new Set([
			...edited,
			...represented.map((r) => r.organizationId).filter((o): o is string => !!o)
		])
	];
}

/**
 * Whether the item is the actor's own: assigned to them, or only to an organisation they edit
 * or represent (`orgIds`).
 */
export function isAssignedTo(
	item: Pick<ActionItem, 'assigneeUserId' | 'assigneeOrganizationId'>,
	userId: string | undefined,
	orgIds: readonly string[]
): boolean {
	if (item.assigneeUserId) return item.assigneeUserId === userId;
	return !!item.assigneeOrganizationId && orgIds.includes(item.assigneeOrganizationId);
}

/** Whether the actor may change the item's state (see the file comment). */
export async function mayChangeState(
	db: Executor,
	actor: Actor | null,
	item: ActionItem,
	body: Body
): Promise<boolean> {
	if (!actor || !can(actor, 'tenant.view', { tenantId: item.tenantId })) return false;
	if (canManageMeetings(actor, body)) return true;
	if (item.assigneeUserId) return item.assigneeUserId === actor.userId;
	if (!item.assigneeOrganizationId) return false;
	return isAssignedTo(item, actor.userId, await myOrganizationIds(db, actor, item.tenantId));
}
