import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { offers } from './schema';
import { berlinToday, berlinTodaySql } from '../shared';

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
		or(isNull(table.validTo), sql`${table.validTo} >= ${berlinTodaySql()}`)
	) as SQL;
}

/** Same rule in plain TypeScript, for view objects already loaded (dates as YYYY-MM-DD). */
export function isPubliclyVisibleRow(
	row: { status: string; validTo: string | null },
	today: string = berlinToday()
): boolean {
	return row.status === 'published' && (row.validTo === null || row.validTo >= today);
}
