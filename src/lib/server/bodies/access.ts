import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { can } from '../auth/policy';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors';
import { bodies, type Body } from './schema';
import { isUuid, requireUuid } from '../shared';

/**
 * Whether the actor may see a body (and, with it, its members, meetings and published minutes):
 * public bodies: everyone, also anonymous visitors; network bodies: everyone with a role in the
 * tenant; members-only bodies: the body's current members (any role) and whoever may manage bodies.
 */
export function canSeeBody(
	actor: Actor | null | undefined,
	body: Pick<Body, 'id' | 'tenantId' | 'visibility'>
): boolean {
	if (body.visibility === 'public') return true;
	if (!can(actor, 'body.view', { tenantId: body.tenantId })) return false;
	if (body.visibility === 'network') return true;
	return !!actor?.bodyRoles?.[body.id] || can(actor, 'body.manage', { tenantId: body.tenantId });
}

/** Whether the actor may plan the body's meetings and write their minutes. */
export function canManageMeetings(
	actor: Actor | null | undefined,
	body: Pick<Body, 'id' | 'tenantId'>
): boolean {
	return can(actor, 'meeting.manage', { tenantId: body.tenantId, bodyId: body.id });
}

/** A body of the tenant by id, without authorisation (callers decide). */
export async function findBody(db: Executor, tenantId: string, bodyId: string) {
	if (!isUuid(bodyId)) return null;
	const [row] = await db
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
	return row ?? null;
}

/**
 * The body for a signed-in page or use case: NotFoundError when it does not exist in the tenant
 * or the actor may not see it (so a hidden body looks like a missing one).
 */
export async function loadVisibleBody(ctx: Ctx, tenantId: string, bodyId: string): Promise<Body> {
	const body = await findBody(ctx.db, tenantId, bodyId);
	if (!body || !canSeeBody(ctx.actor, body)) throw new NotFoundError();
	return body;
}

/**
 * Locks the body row for a change of the body or its memberships, so that membership checks and
 * inserts of one body run one after another. NotFoundError when it is not the tenant's.
 */
export async function lockBodyRow(tx: Executor, tenantId: string, bodyId: string): Promise<Body> {
	const [row] = await tx
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, requireUuid(bodyId))))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}
