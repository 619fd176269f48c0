/**
 * Short lists of organisations (id and name, public data only) for pages of other capabilities:
 * the public start page of a tenant and the invitation form on the people page.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../context';
import { organizations, organizationTenants, organizationTypes } from './schema';

export interface PublicOrganizationItem {
	id: string;
	name: string;
	type: string | null;
}

/**
 * The ids of the organisations kept by the tenant or taking part in it. A union, not an OR over
 * a join: each half uses its tenant index, where the OR read every organisation of every tenant.
 */
export function tenantOrganizationIds(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	return union(
		ctx.db
			.select({ id: organizations.id })
			.from(organizations)
			.where(eq(organizations.tenantId, tenantId)),
		ctx.db
			.select({ id: organizationTenants.organizationId })
			.from(organizationTenants)
			.where(eq(organizationTenants.tenantId, tenantId))
	);
}

/** Organisations kept by the tenant or taking part in it, with their type (at most 200). */
export async function listPublicOrganizations(ctx: TenantCtx): Promise<PublicOrganizationItem[]> {
	return ctx.db
		.select({
			id: organizations.id,
			name: organizations.name,
			type: organizationTypes.name
		})
		.from(organizations)
		.leftJoin(organizationTypes, eq(organizationTypes.id, organizations.typeId))
		.where(inArray(organizations.id, tenantOrganizationIds(ctx)))
		.orderBy(asc(organizations.name), asc(organizations.id))
		.limit(200);
}

/** The tenant's own organisations by name, as choices of a form. */
export async function organizationChoices(ctx: TenantCtx): Promise<{ id: string; name: string }[]> {
	return ctx.db
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(eq(organizations.tenantId, ctx.tenant.id))
		.orderBy(asc(organizations.name));
}
