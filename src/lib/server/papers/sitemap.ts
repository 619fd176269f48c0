import { and, asc, eq, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { papers } from './schema';

/** The tenant's public papers (not drafts) for its sitemap: the same rule as listPublicPapers. */
export async function listPublicPaperIds(
	ctx: TenantCtx
): Promise<{ id: string; updatedAt: Date }[]> {
	return ctx.db
		.select({ id: papers.id, updatedAt: papers.updatedAt })
		.from(papers)
		.where(
			and(
				eq(papers.tenantId, ctx.tenant.id),
				eq(papers.visibility, 'public'),
				ne(papers.state, 'draft')
			)
		)
		.orderBy(asc(papers.id))
		.limit(40_000);
}
