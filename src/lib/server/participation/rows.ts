/**
 * Row loaders of the participation domain, each checked against its tenant and, where the URL
 * names one, against its parent: a contribution, dialogue or recommendation of another process
 * is a NotFoundError before anything is written. Internal: they take a transaction or the db.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { fieldsOfAction } from '../fields-of-action/schema';
import type { Executor } from '../db/client';
import { NotFoundError } from '../errors';
import { isUuid } from '../shared';
import { consultationProcesses, contributions, dialogues, recommendations } from './schema';

interface Opts {
	/** the process the URL names; a row of another process is not found */
	processId?: string;
	/** SELECT … FOR UPDATE */
	lock?: boolean;
}

/** The process row of the tenant, or NotFoundError. */
export async function loadProcess(db: Executor, tenantId: string, id: unknown, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(consultationProcesses)
		.where(and(eq(consultationProcesses.tenantId, tenantId), eq(consultationProcesses.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

/** The first row of a query, locked if asked, that belongs to the process the URL names. */
async function child<R extends { processId: string }>(
	query: PromiseLike<R[]> & { for(strength: 'update'): PromiseLike<R[]> },
	opts: Opts
): Promise<R> {
	const [row] = opts.lock ? await query.for('update') : await query;
	if (!row || (opts.processId !== undefined && row.processId !== opts.processId))
		throw new NotFoundError();
	return row;
}

type ChildTable = typeof dialogues | typeof contributions | typeof recommendations;

/** The loader of a table of process children: the row of the tenant by id, or NotFoundError. */
function childLoader<T extends ChildTable>(table: T) {
	return async (
		db: Executor,
		tenantId: string,
		id: unknown,
		opts: Opts = {}
	): Promise<T['$inferSelect']> => {
		if (!isUuid(id)) throw new NotFoundError();
		const t: ChildTable = table;
		return child(
			db
				.select()
				.from(t)
				.where(and(eq(t.tenantId, tenantId), eq(t.id, id))),
			opts
		);
	};
}

export const loadDialogue = childLoader(dialogues);
export const loadContribution = childLoader(contributions);
export const loadRecommendation = childLoader(recommendations);

/** Whether every id is a field of action of the tenant. */
export async function areOwnFields(
	db: Executor,
	tenantId: string,
	ids: string[]
): Promise<boolean> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return true;
	const rows = await db
		.select({ id: fieldsOfAction.id })
		.from(fieldsOfAction)
		.where(and(eq(fieldsOfAction.tenantId, tenantId), inArray(fieldsOfAction.id, unique)));
	return rows.length === unique.length;
}
