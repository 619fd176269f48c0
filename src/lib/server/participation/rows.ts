/**
 * Row loaders of the participation domain, each checked against its tenant and, where the URL
 * names one, against its parent: a contribution, dialogue or recommendation of another process
 * is a NotFoundError before anything is written. Internal: they take a transaction or the db.
 */
import { and, eq } from 'drizzle-orm';
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

function belongs(row: { processId: string } | undefined, opts: Opts) {
	if (!row || (opts.processId !== undefined && row.processId !== opts.processId))
		throw new NotFoundError();
}

export async function loadDialogue(db: Executor, tenantId: string, id: unknown, opts: Opts = {}) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(dialogues)
		.where(and(eq(dialogues.tenantId, tenantId), eq(dialogues.id, id)));
	const [row] = opts.lock ? await q.for('update') : await q;
	belongs(row, opts);
	return row;
}

export async function loadContribution(
	db: Executor,
	tenantId: string,
	id: unknown,
	opts: Opts = {}
) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(contributions)
		.where(and(eq(contributions.tenantId, tenantId), eq(contributions.id, id)));
	const [row] = opts.lock ? await q.for('update') : await q;
	belongs(row, opts);
	return row;
}

export async function loadRecommendation(
	db: Executor,
	tenantId: string,
	id: unknown,
	opts: Opts = {}
) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(recommendations)
		.where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, id)));
	const [row] = opts.lock ? await q.for('update') : await q;
	belongs(row, opts);
	return row;
}
