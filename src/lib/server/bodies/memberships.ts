/**
 * Memberships of persons in bodies: a coordinator adds a person (optionally on behalf of an
 * organisation), changes the role, ends the membership. Ended memberships stay as history.
 * A person has at most one membership of a body at any day (checked here, under a lock on the body).
 */
import { and, eq, gte, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies, bodyMemberships, type Body, type MembershipRole } from './schema';
import { defaultStartDate, membershipChangeInput, membershipEndInput, membershipInput } from './validation';
import { isTenantOrganization, isTenantPerson } from './lookups';
import { fieldErrors, isUuid, berlinToday } from '../shared';

/** Locks the body row so that membership checks and inserts of one body run one after another. */
export async function lockBodyRow(tx: Executor, tenantId: string, bodyId: string): Promise<Body> {
	if (!isUuid(bodyId)) throw new NotFoundError();
	const [row] = await tx
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

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
		or(isNull(bodyMemberships.endDate), gte(bodyMemberships.endDate, start))
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

/** A coordinator adds a person to a body. */
export async function addMembership(
	ctx: Ctx,
	tenantId: string,
	bodyId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'body.manage', { tenantId });
	if (!isUuid(bodyId)) throw new NotFoundError();
	const parsed = membershipInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const d = parsed.data;
		if (!(await isTenantPerson(ctx.db, tenantId, d.userId)))
			errors.userId = 'bodies_error_person_required';
		if (d.organizationId && !(await isTenantOrganization(ctx.db, tenantId, d.organizationId)))
			errors.organizationId = 'bodies_error_organization_invalid';
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	const data = parsed.data;
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
		return { id };
	});
}

async function lockMembership(tx: Executor, tenantId: string, membershipId: string) {
	if (!isUuid(membershipId)) throw new NotFoundError();
	const [found] = await tx
		.select({ bodyId: bodyMemberships.bodyId })
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.tenantId, tenantId), eq(bodyMemberships.id, membershipId)));
	if (!found) throw new NotFoundError();
	// Body first, then the membership: the same order as addMembership, so no deadlock.
	const body = await lockBodyRow(tx, tenantId, found.bodyId);
	const [row] = await tx
		.select()
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.tenantId, tenantId), eq(bodyMemberships.id, membershipId)))
		.for('update');
	if (!row) throw new NotFoundError();
	return { body, membership: row };
}

/** A coordinator changes a member's role or the organisation they represent. */
export async function changeMembership(
	ctx: Ctx,
	tenantId: string,
	membershipId: string,
	raw: unknown
): Promise<void> {
	authorize(ctx.actor, 'body.manage', { tenantId });
	if (!isUuid(membershipId)) throw new NotFoundError();
	const parsed = membershipChangeInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success && parsed.data.organizationId) {
		if (!(await isTenantOrganization(ctx.db, tenantId, parsed.data.organizationId)))
			errors.organizationId = 'bodies_error_organization_invalid';
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	const data = parsed.data;
	await ctx.db.transaction(async (tx) => {
		const { body, membership } = await lockMembership(tx, tenantId, membershipId);
		const organizationId = data.organizationId ?? null;
		if (membership.role === data.role && membership.organizationId === organizationId) return;
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
	});
}

/** A coordinator ends a membership: its last day is set (today unless given); history stays. */
export async function endMembership(
	ctx: Ctx,
	tenantId: string,
	membershipId: string,
	raw: unknown = {}
): Promise<void> {
	authorize(ctx.actor, 'body.manage', { tenantId });
	if (!isUuid(membershipId)) throw new NotFoundError();
	const parsed = membershipEndInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const endDate = parsed.data.endDate ?? berlinToday();
	await ctx.db.transaction(async (tx) => {
		const { body, membership } = await lockMembership(tx, tenantId, membershipId);
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
	});
}

/** Memberships that have not ended by `today` (Berlin's day; future starts included). */
export function notEnded(today: string) {
	return or(isNull(bodyMemberships.endDate), gte(bodyMemberships.endDate, today));
}
