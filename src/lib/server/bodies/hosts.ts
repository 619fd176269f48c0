/**
 * The host pool of a body: organisations willing to host its meetings, each with an optional
 * meeting address. Kept by those who may plan the body's meetings (coordinators; the body's
 * speakers, deputies and moderators).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { organizations } from '../organizations/schema';
import { addressLine } from '../organizations/queries';
import { bodyHosts, type Body } from './schema';
import { canManageMeetings, loadVisibleBody } from './access';
import { hostInput } from './validation';
import { isTenantOrganization } from './lookups';
import { fieldErrors, requireUuid } from '../shared';

/** One organisation of a body's host pool. */
export interface HostView {
	organizationId: string;
	name: string;
	location: string | null;
	/** the organisation's own address, used when no meeting address is given */
	address: string | null;
}

/** The body's host pool, by organisation name. No authorisation here; the callers have authorised. */
export async function hostPoolOf(
	db: Executor,
	tenantId: string,
	bodyId: string
): Promise<HostView[]> {
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
		.where(and(eq(bodyHosts.tenantId, tenantId), eq(bodyHosts.bodyId, bodyId)))
		.orderBy(asc(organizations.name), asc(organizations.id));
	return rows.map((r) => ({
		organizationId: r.organizationId,
		name: r.name,
		location: r.location,
		address: addressLine(r)
	}));
}

/** The body, when the actor may keep its host pool; NotFoundError otherwise. */
export async function loadBodyForHosts(ctx: Ctx, tenantId: string, bodyId: string): Promise<Body> {
	const body = await loadVisibleBody(ctx, tenantId, bodyId);
	if (!canManageMeetings(ctx.actor, body)) throw new NotFoundError();
	return body;
}

async function organizationName(ctx: Ctx, organizationId: string): Promise<string | null> {
	const [row] = await ctx.db
		.select({ name: organizations.name })
		.from(organizations)
		.where(eq(organizations.id, organizationId));
	return row?.name ?? null;
}

/** Adds an organisation to the pool, or changes its meeting address when it is there already. */
export async function saveHost(
	ctx: TenantCtx,
	input: { bodyId: string } & Record<string, unknown>
): Promise<{ name: string }> {
	const tenantId = ctx.tenant.id;
	const body = await loadBodyForHosts(ctx, tenantId, input.bodyId);
	const parsed = hostInput.safeParse(input);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success && !(await isTenantOrganization(ctx.db, tenantId, parsed.data.organizationId)))
		errors.organizationId = 'bodies_error_host_required';
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	const { organizationId } = parsed.data;
	const location = parsed.data.location ?? null;
	const orgName = await organizationName(ctx, organizationId);
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(bodyHosts)
			.where(and(eq(bodyHosts.bodyId, body.id), eq(bodyHosts.organizationId, organizationId)))
			.for('update');
		if (before) {
			if (before.location === location) return;
			await tx
				.update(bodyHosts)
				.set({ location })
				.where(and(eq(bodyHosts.bodyId, body.id), eq(bodyHosts.organizationId, organizationId)));
		} else {
			await tx
				.insert(bodyHosts)
				.values({ tenantId, bodyId: body.id, organizationId, location })
				.onConflictDoNothing();
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: before ? 'body.host_update' : 'body.host_add',
			entityType: 'body_host',
			entityId: body.id,
			before: before ? { name: body.name, organization: orgName, location: before.location } : null,
			after: { name: body.name, organizationId, organization: orgName, location }
		});
	});
	return { name: orgName ?? '' };
}

/** Removes an organisation from the pool. */
export async function removeHost(
	ctx: TenantCtx,
	input: { bodyId: string; organizationId: unknown }
): Promise<{ name: string }> {
	const tenantId = ctx.tenant.id;
	const body = await loadBodyForHosts(ctx, tenantId, input.bodyId);
	const organizationId = requireUuid(input.organizationId);
	const orgName = await organizationName(ctx, organizationId);
	await ctx.db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(bodyHosts)
			.where(
				and(
					eq(bodyHosts.tenantId, tenantId),
					eq(bodyHosts.bodyId, body.id),
					eq(bodyHosts.organizationId, organizationId)
				)
			)
			.returning();
		if (!removed) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.host_remove',
			entityType: 'body_host',
			entityId: body.id,
			before: { name: body.name, organizationId, organization: orgName, location: removed.location }
		});
	});
	return { name: orgName ?? '' };
}
