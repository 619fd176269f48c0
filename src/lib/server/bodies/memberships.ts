/**
 * Memberships of persons in bodies: a coordinator adds a person (optionally on behalf of an
 * organisation), changes the role, ends the membership. Ended memberships stay as history.
 * A person has at most one membership of a body at any day (checked here, under a lock on the body).
 */
import { and, eq, lte, ne, type SQL } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { users } from '../auth/schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodyMemberships, type MembershipRole } from './schema';
import {
	defaultStartDate,
	membershipChangeInput,
	membershipEndInput,
	membershipInput
} from './validation';
import { isTenantPerson, parseWithOrganization } from './lookups';
import { lockBodyRow } from './access';
import { isNotEndedMembership } from './membership-rule';
import { berlinToday, parseOrThrow, requireUuid } from '../shared';

/** Whether the person has a membership of the body overlapping the days start…end (open end: null). */
export async function hasOverlappingMembership(
	tx: Executor,
	bodyId: string,
	userId: string,
	start: string,
	end: string | null,
	exceptId?: string
): Promise<boolean> {
	const conditions: (SQL | undefined)[] = [
		eq(bodyMemberships.bodyId, bodyId),
		eq(bodyMemberships.userId, userId),
		isNotEndedMembership(start)
	];
	if (end) conditions.push(lte(bodyMemberships.startDate, end));
	if (exceptId) conditions.push(ne(bodyMemberships.id, exceptId));
	const [row] = await tx
		.select({ id: bodyMemberships.id })
		.from(bodyMemberships)
		.where(and(...conditions))
		.limit(1);
	return !!row;
}

/** Inserts a membership with its audit row; the caller has checked everything. */
export async function insertMembership(
	tx: Executor,
	ctx: Pick<Ctx, 'actor' | 'requestId'>,
	values: {
		tenantId: string;
		bodyId: string;
		userId: string;
		role: MembershipRole;
		organizationId: string | null;
		startDate: string;
		endDate: string | null;
	},
	bodyName: string,
	via?: string
): Promise<string> {
	const [row] = await tx.insert(bodyMemberships).values(values).returning();
	await recordAudit(tx, ctx, {
		tenantId: values.tenantId,
		action: 'body.membership_add',
		entityType: 'body_membership',
		entityId: row.id,
		after: {
			name: bodyName,
			bodyId: row.bodyId,
			userId: row.userId,
			organizationId: row.organizationId,
			role: row.role,
			startDate: row.startDate,
			endDate: row.endDate,
			...(via ? { via } : {})
		}
	});
	return row.id;
}

async function personName(db: Executor, userId: string): Promise<string> {
	const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
	return row?.name ?? '';
}

/** A coordinator adds a person to a body. Returns the membership and the person's name. */
export async function addMembership(
	ctx: TenantCtx,
	input: { bodyId: string } & Record<string, unknown>
): Promise<{ id: string; name: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	const bodyId = requireUuid(input.bodyId);
	const data = await parseWithOrganization(
		ctx.db,
		tenantId,
		membershipInput,
		input,
		async (d, errors) => {
			if (!(await isTenantPerson(ctx.db, tenantId, d.userId)))
				errors.userId = 'bodies_error_person_required';
		}
	);
	const startDate = data.startDate ?? defaultStartDate();
	const endDate = data.endDate ?? null;
	if (endDate && endDate < startDate)
		throw new ValidationError({ endDate: 'bodies_error_end_before_start' });
	return ctx.db.transaction(async (tx) => {
		const body = await lockBodyRow(tx, tenantId, bodyId);
		if (await hasOverlappingMembership(tx, bodyId, data.userId, startDate, endDate))
			throw new ValidationError({ userId: 'bodies_error_already_member' });
		const id = await insertMembership(
			tx,
			ctx,
			{
				tenantId,
				bodyId,
				userId: data.userId,
				role: data.role,
				organizationId: data.organizationId ?? null,
				startDate,
				endDate
			},
			body.name
		);
		return { id, name: await personName(tx, data.userId) };
	});
}

/**
 * The membership locked for a change, checked to belong to the body the URL names (and the
 * tenant): NotFoundError otherwise, before anything is written.
 */
async function lockMembership(
	tx: Executor,
	tenantId: string,
	bodyId: string,
	membershipId: string
) {
	const where = and(
		eq(bodyMemberships.tenantId, tenantId),
		eq(bodyMemberships.bodyId, bodyId),
		eq(bodyMemberships.id, membershipId)
	);
	const [found] = await tx.select({ id: bodyMemberships.id }).from(bodyMemberships).where(where);
	if (!found) throw new NotFoundError();
	// Body first, then the membership: the same order as addMembership, so no deadlock.
	const body = await lockBodyRow(tx, tenantId, bodyId);
	const [row] = await tx.select().from(bodyMemberships).where(where).for('update');
	if (!row) throw new NotFoundError();
	return { body, membership: row };
}

/** The ids of a membership change: the body from the URL, the membership from the form. */
export type MembershipRef = { bodyId: string; membershipId: unknown };

/** A coordinator's change of a membership: the tenant and the ids, NotFoundError otherwise. */
function authorizeChange(ctx: TenantCtx, input: MembershipRef) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	return {
		tenantId,
		bodyId: requireUuid(input.bodyId),
		membershipId: requireUuid(input.membershipId)
	};
}

/** A coordinator changes a member's role or the organisation they represent. */
export async function changeMembership(
	ctx: TenantCtx,
	input: MembershipRef & Record<string, unknown>
): Promise<{ name: string }> {
	const { tenantId, bodyId, membershipId } = authorizeChange(ctx, input);
	const data = await parseWithOrganization(ctx.db, tenantId, membershipChangeInput, input);
	return ctx.db.transaction(async (tx) => {
		const { body, membership } = await lockMembership(tx, tenantId, bodyId, membershipId);
		const name = await personName(tx, membership.userId);
		const organizationId = data.organizationId ?? null;
		if (membership.role === data.role && membership.organizationId === organizationId)
			return { name };
		await tx
			.update(bodyMemberships)
			.set({ role: data.role, organizationId, updatedAt: new Date() })
			.where(eq(bodyMemberships.id, membershipId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.membership_update',
			entityType: 'body_membership',
			entityId: membershipId,
			before: {
				name: body.name,
				userId: membership.userId,
				role: membership.role,
				organizationId: membership.organizationId
			},
			after: { name: body.name, userId: membership.userId, role: data.role, organizationId }
		});
		return { name };
	});
}

/** A coordinator ends a membership: its last day is set (today unless given); history stays. */
export async function endMembership(
	ctx: TenantCtx,
	input: MembershipRef & Record<string, unknown>
): Promise<{ name: string }> {
	const { tenantId, bodyId, membershipId } = authorizeChange(ctx, input);
	const parsed = parseOrThrow(membershipEndInput, input);
	const endDate = parsed.endDate ?? berlinToday();
	return ctx.db.transaction(async (tx) => {
		const { body, membership } = await lockMembership(tx, tenantId, bodyId, membershipId);
		if (membership.endDate !== null && membership.endDate <= endDate)
			throw new ValidationError({ endDate: 'bodies_error_already_ended' });
		if (endDate < membership.startDate)
			throw new ValidationError({ endDate: 'bodies_error_end_before_start' });
		await tx
			.update(bodyMemberships)
			.set({ endDate, updatedAt: new Date() })
			.where(eq(bodyMemberships.id, membershipId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.membership_end',
			entityType: 'body_membership',
			entityId: membershipId,
			before: { name: body.name, userId: membership.userId, endDate: membership.endDate },
			after: { name: body.name, userId: membership.userId, endDate }
		});
		return { name: await personName(tx, membership.userId) };
	});
}
