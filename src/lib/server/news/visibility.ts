/** THE rule for a publicly visible news item: published, and now inside its window. */
import { and, eq, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
import { newsItems, type NewsItem } from './schema';

export function publicNewsWhere(tenantId: string, now: Date): SQL {
	return and(
		eq(newsItems.tenantId, tenantId),
		eq(newsItems.status, 'published'),
		or(isNull(newsItems.publishAt), lte(newsItems.publishAt, now)),
		or(isNull(newsItems.unpublishAt), gt(newsItems.unpublishAt, now))
	)!;
}

/** The same rule for one row in memory (tests, the app's status text). */
export function isPubliclyVisible(
	item: Pick<NewsItem, 'status' | 'publishAt' | 'unpublishAt'>,
	now: Date
): boolean {
	return (
		item.status === 'published' &&
		(!item.publishAt || item.publishAt <= now) &&
		(!item.unpublishAt || item.unpublishAt > now)
	);
}
