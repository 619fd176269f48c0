import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { and, asc, eq, or } from 'drizzle-orm';
import { findPublicTenant, listChildTenants } from '$lib/server/tenants/service';
import {
	organizations,
	organizationTenants,
	organizationTypes
} from '$lib/server/organizations/schema';
import { tenants } from '$lib/server/tenants/schema';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = locals.ctx.db;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const [children, parent] = await Promise.all([
		tenant.kind === 'district' ? listChildTenants(db, tenant.id) : Promise.resolve([]),
		tenant.parentId
			? db
					.select({ name: tenants.name, slug: tenants.slug })
					.from(tenants)
					.where(and(eq(tenants.id, tenant.parentId), eq(tenants.isPublic, true)))
					.then((r) => r[0] ?? null)
			: Promise.resolve(null)
	]);
	// Organisations kept by this tenant or taking part in it. Names and types only: public data.
	const orgs = await db
		.selectDistinct({
			id: organizations.id,
			name: organizations.name,
			type: organizationTypes.name
		})
		.from(organizations)
		.leftJoin(organizationTypes, eq(organizationTypes.id, organizations.typeId))
		.leftJoin(organizationTenants, eq(organizationTenants.organizationId, organizations.id))
		.where(or(eq(organizations.tenantId, tenant.id), eq(organizationTenants.tenantId, tenant.id)))
		.orderBy(asc(organizations.name))
		.limit(200);
	return { tenant, children, parent, organizations: orgs, signedIn: !!locals.actor };
};
