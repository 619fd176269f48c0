/**
 * The one definition of a current body membership: started on or before the Berlin calendar day
 * and not ended before it. Every query about "who is a member now" uses these, never the
 * database's own current date (the session's time zone) or its own copy of the rule.
 */
import { and, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { berlinToday } from '../shared/dates';
import { bodyMemberships } from './schema';

type MembershipColumns = { startDate: AnyPgColumn; endDate: AnyPgColumn };

/** SQL: the membership is current on `day` (default: today in Berlin). */
export function isCurrentMembership(
	day: string = berlinToday(),
	table: MembershipColumns = bodyMemberships
): SQL {
	return and(lte(table.startDate, day), or(isNull(table.endDate), gte(table.endDate, day))) as SQL;
}

/** SQL: the membership has not ended by `day` (current or starting later). */
export function isNotEndedMembership(
	day: string = berlinToday(),
	table: MembershipColumns = bodyMemberships
): SQL {
	return or(isNull(table.endDate), gte(table.endDate, day)) as SQL;
}

/** The same rule for rows already loaded (dates as YYYY-MM-DD). */
export function isCurrentMembershipRow(
	row: { startDate: string; endDate: string | null },
	day: string = berlinToday()
): boolean {
	return row.startDate <= day && (row.endDate === null || row.endDate >= day);
}

/** The not-ended rule for rows already loaded (current or starting later). */
export function isNotEndedMembershipRow(
	row: { endDate: string | null },
	day: string = berlinToday()
): boolean {
	return row.endDate === null || row.endDate >= day;
}
