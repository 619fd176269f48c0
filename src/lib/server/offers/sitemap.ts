import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { organizations } from '../organizations/schema';
import { offers } from './schema';
import { isPubliclyVisible } from './visibility';

/** At most this many offers in one tenant's sitemap (the sitemap protocol allows 50 000 URLs). */
export const SITEMAP_OFFER_LIMIT = 40_000;

/**
 * The tenant's own public offers for its sitemap (a district's sitemap does not repeat its
 * municipalities' offers: they are listed in the municipalities' sitemaps).
 */
export async function listPublicOfferIds(
	ctx: TenantCtx
): Promise<{ id: string; updatedAt: Date }[]> {
	return ctx.db
		.select({ id: offers.id, updatedAt: offers.updatedAt })
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.where(
			and(eq(offers.tenantId, ctx.tenant.id), isPubliclyVisible(), eq(organizations.isPublic, true))
		)
		.orderBy(asc(offers.id))
		.limit(SITEMAP_OFFER_LIMIT);
}
