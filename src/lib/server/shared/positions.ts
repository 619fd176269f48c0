import { max, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';

/** The position after the last one of the rows matching `where` (1 for the first). */
export async function nextPosition(
	db: Executor,
	position: PgColumn,
	where: SQL | undefined
): Promise<number> {
	const [{ last }] = await db
		.select({ last: max(position) })
		.from(position.table as PgTable)
		.where(where);
	return (Number(last) || 0) + 1;
}
