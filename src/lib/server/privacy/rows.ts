import { asc, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { PersonalDataRow } from './types';

/** How a domain finds its rows about the person, and what it adds to them. */
export interface PersonRowsQuery {
	/** columns of joined tables, by their name in the export (what a row belongs to) */
	named?: Record<string, PgColumn | SQL>;
	/** the joined tables with their conditions */
	joins?: [PgTable, SQL][];
	/** which rows are about the person */
	where: SQL | undefined;
	/** oldest first by this column (default: the database's order) */
	orderBy?: PgColumn;
}

/**
 * The rows of one of a domain's tables about the person, for the access request (Art. 15):
 * `own` names the table's columns to export (property names, separated by spaces), `named` adds
 * columns of the joined tables. The domain still decides what is about the person; this only
 * builds the query every part of the export repeats.
 */
export async function personRows(
	db: Db,
	table: PgTable,
	own: string,
	query: PersonRowsQuery
): Promise<PersonalDataRow[]> {
	const all = getTableColumns(table) as Record<string, PgColumn>;
	const columns: Record<string, PgColumn | SQL> = { ...query.named };
	for (const name of own.split(' ')) {
		if (!all[name]) throw new Error(`personRows: the table has no column ${name}`);
		columns[name] = all[name];
	}
	let select = db.select(columns).from(table).$dynamic();
	for (const [joined, on] of query.joins ?? []) select = select.innerJoin(joined, on);
	select = select.where(query.where);
	if (query.orderBy) select = select.orderBy(asc(query.orderBy));
	return select;
}
