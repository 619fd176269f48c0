import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { offers } from './schema';

/**
 * Today's date in Europe/Berlin as SQL (a `date`). The database session may run in UTC, so
 * `current_date` alone would switch days at 01:00/02:00 local time.
 */
export const berlinToday: SQL = sql`((now() AT TIME ZONE 'Europe/Berlin')::date)`;

/**
 * The one definition of "publicly visible" for offers: published and not expired
 * (valid_to is empty or today or later, Europe/Berlin). Use it in every public query:
 *
 *   db.select().from(offers).where(and(eq(offers.tenantId, t), isPubliclyVisible()))
 *
 * `table` defaults to the `offers` table; pass an alias (drizzle `alias(offers, 'o')`) if the
 * query uses one.
 */
export function isPubliclyVisible(
	table: { status: AnyPgColumn; validTo: AnyPgColumn } = offers
): SQL {
	return and(
		eq(table.status, 'published'),
		or(isNull(table.validTo), sql`${table.validTo} >= ${berlinToday}`)
	) as SQL;
}

/** Same rule in plain TypeScript, for view objects already loaded (dates as YYYY-MM-DD). */
export function isPubliclyVisibleRow(
	row: { status: string; validTo: string | null },
	today: string = berlinDateString()
): boolean {
	return row.status === 'published' && (row.validTo === null || row.validTo >= today);
}

/** Today's date in Europe/Berlin as YYYY-MM-DD. */
export function berlinDateString(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Berlin',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}
