/** Page numbers from the query string and "is there a next page" from one extra row. */

/** The `page` query parameter: a whole number from 1 (default) to `max`. */
export function pageParam(url: URL, max = 10_000): number {
	const raw = url.searchParams.get('page');
	const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
	return Math.min(Math.max(1, n), max);
}

/** Rows of a page read with `limit(size + 1)`: the first `size` rows and whether more follow. */
export function pageOf<T>(rows: T[], size: number): { rows: T[]; hasMore: boolean } {
	return { rows: rows.slice(0, size), hasMore: rows.length > size };
}

/** The offset of a page. */
export function pageOffset(page: number, size: number): number {
	return (Math.max(1, page) - 1) * size;
}
