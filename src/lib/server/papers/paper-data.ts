/**
 * What the paper use cases share: validating a paper against the tenant, writing its columns,
 * authors and parent, numbering, locking and moving its state.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import { tenantMembers } from '../auth/schema';
import { bodies } from '../bodies/schema';
import {
	BUILTIN_PAPER_TYPES,
	paperAuthors,
	paperCounters,
	paperRelations,
	paperTypes,
	papers,
	type Paper
} from './schema';
import { formatReference, paperInput, type PaperData } from './validation';
import { fieldErrors } from '../shared';

/** The audit log's name of a paper. */
export const paperName = (p: Pick<Paper, 'reference' | 'title'>) => `${p.reference} ${p.title}`;

/** What the audit log keeps of a paper. */
export function auditView(p: Paper) {
	return {
		name: paperName(p),
		reference: p.reference,
		type: p.type,
		title: p.title,
		date: p.date,
		state: p.state,
		visibility: p.visibility,
		originatingBodyId: p.originatingBodyId,
		addressedBodyId: p.addressedBodyId
	};
}

/** Whether a body (if given) belongs to the tenant. */
export async function bodyOfTenant(db: Executor, tenantId: string, bodyId: string | undefined) {
	if (!bodyId) return true;
	const [row] = await db
		.select({ id: bodies.id })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
	return !!row;
}

/** Validates a paper's input against the tenant: types, bodies, authors, the parent paper. */
export async function parsePaper(
	db: Executor,
	tenantId: string,
	raw: unknown,
	selfId?: string
): Promise<PaperData> {
	const parsed = paperInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const d = parsed.data;
		if (!(BUILTIN_PAPER_TYPES as readonly string[]).includes(d.type)) {
			const [own] = await db
				.select({ key: paperTypes.key })
				.from(paperTypes)
				.where(and(eq(paperTypes.tenantId, tenantId), eq(paperTypes.key, d.type)));
			if (!own) errors.type = 'papers_error_type_invalid';
		}
		if (!(await bodyOfTenant(db, tenantId, d.originatingBodyId)))
			errors.originatingBodyId = 'papers_error_body_invalid';
		if (!(await bodyOfTenant(db, tenantId, d.addressedBodyId)))
			errors.addressedBodyId = 'papers_error_body_invalid';
		if (d.authorIds.length > 0) {
			const found = await db
				.select({ userId: tenantMembers.userId })
				.from(tenantMembers)
				.where(
					and(eq(tenantMembers.tenantId, tenantId), inArray(tenantMembers.userId, d.authorIds))
				);
			if (found.length !== new Set(d.authorIds).size)
				errors.authorIds = 'papers_error_author_invalid';
		}
		if (d.parentPaperId) {
			const [parent] = await db
				.select({ id: papers.id })
				.from(papers)
				.where(and(eq(papers.tenantId, tenantId), eq(papers.id, d.parentPaperId)));
			if (!parent || d.parentPaperId === selfId)
				errors.parentPaperId = 'papers_error_parent_invalid';
		}
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	return parsed.data;
}

export function columns(d: PaperData) {
	return {
		type: d.type,
		title: d.title,
		text: d.text,
		date: d.date,
		originatingBodyId: d.originatingBodyId ?? null,
		addressedBodyId: d.addressedBodyId ?? null,
		visibility: d.visibility
	};
}

/** Replaces a paper's authors: people with an account first, then names. */
export async function writeAuthors(
	tx: Executor,
	tenantId: string,
	paperId: string,
	authors: { authorIds: string[]; authorNames: string[] }
) {
	await tx.delete(paperAuthors).where(eq(paperAuthors.paperId, paperId));
	const rows = [
		...[...new Set(authors.authorIds)].map((userId) => ({ userId, name: null })),
		...authors.authorNames.map((name) => ({ userId: null, name }))
	].map((r, position) => ({ tenantId, paperId, position, ...r }));
	if (rows.length > 0) await tx.insert(paperAuthors).values(rows);
}

export async function writeParent(
	tx: Executor,
	tenantId: string,
	paperId: string,
	parentId?: string
) {
	await tx.delete(paperRelations).where(eq(paperRelations.childPaperId, paperId));
	if (parentId)
		await tx
			.insert(paperRelations)
			.values({ tenantId, parentPaperId: parentId, childPaperId: paperId });
}

/**
 * The next number of the tenant's year. The counter row is incremented in the caller's
 * transaction (row lock until commit), so concurrent creations queue up and a rollback gives the
 * number back: numbers stay gapless and unique.
 */
export async function nextPaperNumber(
	tx: Executor,
	tenantId: string,
	year: number
): Promise<number> {
	const [row] = await tx
		.insert(paperCounters)
		.values({ tenantId, year, last: 1 })
		.onConflictDoUpdate({
			target: [paperCounters.tenantId, paperCounters.year],
			set: { last: sql`${paperCounters.last} + 1`, updatedAt: sql`now()` }
		})
		.returning({ last: paperCounters.last });
	return row.last;
}

/**
 * Inserts a paper with the next number of its date's year (see nextPaperNumber), in the caller's
 * transaction.
 */
export async function insertNumberedPaper(
	tx: Executor,
	tenantId: string,
	values: Omit<typeof papers.$inferInsert, 'tenantId' | 'number' | 'year' | 'reference'>
): Promise<Paper> {
	const year = Number(values.date.slice(0, 4));
	const number = await nextPaperNumber(tx, tenantId, year);
	const [row] = await tx
		.insert(papers)
		.values({ tenantId, number, year, reference: formatReference(number, year), ...values })
		.returning();
	return row;
}

/** The paper row, locked until the end of the transaction. */
export async function lockPaper(tx: Executor, tenantId: string, id: string): Promise<Paper> {
	const [row] = await tx
		.select()
		.from(papers)
		.where(and(eq(papers.tenantId, tenantId), eq(papers.id, id)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

/** Marks a paper as changed (for lists and OParl `modified`). */
export async function touchPaper(tx: Executor, paperId: string, changes: { text?: string } = {}) {
	await tx
		.update(papers)
		.set({ ...changes, updatedAt: new Date() })
		.where(eq(papers.id, paperId));
}

/** Moves a paper to another state, with its audit entry. */
export async function setState(
	tx: Executor,
	ctx: Ctx,
	before: Paper,
	to: string,
	extra: Partial<typeof papers.$inferInsert> = {}
) {
	const [after] = await tx
		.update(papers)
		.set({ state: to, updatedAt: new Date(), ...extra })
		.where(eq(papers.id, before.id))
		.returning();
	await recordAudit(tx, ctx, {
		tenantId: before.tenantId,
		action: 'paper.state_change',
		entityType: 'paper',
		entityId: before.id,
		before: { name: paperName(before), state: before.state },
		after: { name: paperName(before), state: to }
	});
	return after;
}
