/**
 * The tenant of a request, resolved once by the server hook from the route's `[tenant]`
 * parameter: public routes see only public tenants; signed-in routes only tenants the actor may
 * view (`tenant.view`). Anything else is "no tenant", which the routes answer with 404.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Actor } from '../auth/actor';
import { can } from '../auth/policy';
import { tenantLogos, tenants } from './schema';
import { toTenantView, type PublicTenantView } from './service';
import { accentOf } from './branding';
import { logoHref } from './logo';
import { untilChange } from '../cache/until-change';

/** What a request knows of its tenant (and the accent colour and logo of its public header). */
export type RequestTenant = PublicTenantView & {
	accent?: string;
	logo?: { href: string; alt: string } | null;
};

export type TenantArea = 'public' | 'app';

export async function resolveRequestTenant(
	db: Executor,
	area: TenantArea,
	slug: string,
	actor: Actor | null
): Promise<RequestTenant | null> {
	if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
	// A tenant's row changes only through the app (settings, logo): kept until the next change
	// (cache/until-change.ts); an unknown slug is asked again each time.
	const found = await untilChange(
		`tenant\n${slug}`,
		async () => {
			const [row] = await db
				.select({ row: tenants, logoSha: tenantLogos.sha256, logoAlt: tenantLogos.altText })
				.from(tenants)
				.leftJoin(tenantLogos, eq(tenantLogos.tenantId, tenants.id))
				.where(eq(tenants.slug, slug));
			return row ?? null;
		},
		(row) => row !== null
	);
	if (!found) return null;
	const { row } = found;
	if (area === 'public' ? !row.isPublic : !can(actor, 'tenant.view', { tenantId: row.id }))
		return null;
	return {
		...toTenantView(row),
		description: row.settings.publicDescription ?? null,
		contactEmail: row.settings.publicContactEmail ?? null,
		accent: accentOf(row.settings),
		logo: found.logoSha
			? { href: logoHref(row.slug, found.logoSha), alt: found.logoAlt ?? row.name }
			: null
	};
}

/** Which tenant area a route belongs to, from its route id; null for routes without a tenant. */
export function tenantArea(routeId: string | null): TenantArea | null {
	if (!routeId) return null;
	if (routeId.startsWith('/(public)/[tenant]')) return 'public';
	if (routeId.startsWith('/(app)/app/[tenant]')) return 'app';
	return null;
}
