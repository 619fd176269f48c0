/**
 * Short lists of organisations (id and name, public data only) for pages of other capabilities:
 * the public start page of a tenant and the invitation form on the people page.
 */
import { asc, eq, or } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { organizations, organizationTenants, organizationTypes } from './schema';

export interface PublicOrganizationItem {
	id: string;
	name: string;
	type: string | null;
}

/** Organisations kept by the tenant or taking part in it, with their type (at most 200). */
export async function listPublicOrganizations(ctx: TenantCtx): Promise<PublicOrganizationItem[]> {
	const tenantId = ctx.tenant.id;
	return ctx.db
		.selectDistinct({
			id: organizations.id,
			name: organizations.name,
			type: organizationTypes.name
		})
		.from(organizations)
		.leftJoin(organizationTypes, eq(organizationTypes.id, organizations.typeId))
		.leftJoin(organizationTenants, eq(organizationTenants.organizationId, organizations.id))
		.where(or(eq(organizations.tenantId, tenantId), eq(organizationTenants.tenantId, tenantId)))
		.orderBy(asc(organizations.name))
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
