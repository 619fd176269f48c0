/** Editions of the concept: the default states, reading, creating, editing and adopting editions. */
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { isUuid, requireUuid } from '../shared';
import { conceptEditions, measureStates, type ConceptEdition, type StateCategory } from './schema';
import { adoptInput, editionInput, parseOrThrow, type Input } from './validation';
import { copyEditionContent } from './edition-copy';

/** The states a tenant starts with (the coordinator can rename them and change the figures). */
export const DEFAULT_STATES: {
	key: string;
	name: string;
	category: StateCategory;
	progress: number | null;
}[] = [
	{ key: 'vorgeschlagen', name: 'vorgeschlagen', category: 'proposed', progress: 0 },
	{ key: 'geplant', name: 'geplant', category: 'active', progress: 0 },
	{ key: 'vorbereitung', name: 'in Vorbereitung', category: 'active', progress: 10 },
	{ key: 'umsetzung', name: 'in Umsetzung', category: 'active', progress: 50 },
	{ key: 'abgeschlossen', name: 'abgeschlossen', category: 'completed', progress: 100 },
	{ key: 'zurueckgestellt', name: 'zurückgestellt', category: 'deferred', progress: null }
];

/** Creates the default states when the tenant has none yet. */
export async function ensureDefaultStates(db: Executor, tenantId: string): Promise<void> {
	const existing = await db
		.select({ id: measureStates.id })
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenantId))
		.limit(1);
	if (existing.length) return;
	await db
		.insert(measureStates)
		.values(DEFAULT_STATES.map((s, i) => ({ tenantId, ...s, position: i + 1 })));
}

export interface EditionView {
	id: string;
	title: string;
	state: ConceptEdition['state'];
	adoptedOn: string | null;
	adoptedBy: string | null;
	leitbild: string | null;
	basedOnId: string | null;
	createdAt: Date;
}

const toView = (e: ConceptEdition): EditionView => ({
	id: e.id,
	title: e.title,
	state: e.state,
	adoptedOn: e.adoptedOn,
	adoptedBy: e.adoptedBy,
	leitbild: e.leitbild,
	basedOnId: e.basedOnId,
	createdAt: e.createdAt
});

export async function editionsOf(db: Executor, tenantId: string): Promise<EditionView[]> {
	const rows = await db
		.select()
		.from(conceptEditions)
		.where(eq(conceptEditions.tenantId, tenantId))
		.orderBy(desc(conceptEditions.createdAt), desc(conceptEditions.id));
	return rows.map(toView);
}

export async function listEditions(ctx: TenantCtx): Promise<EditionView[]> {
	authorize(ctx.actor, 'concept.view', { tenantId: ctx.tenant.id });
	return editionsOf(ctx.db, ctx.tenant.id);
}

/** The adopted edition (the public one), without authorisation. */
export async function adoptedEdition(db: Executor, tenantId: string): Promise<EditionView | null> {
	const [row] = await db
		.select()
		.from(conceptEditions)
		.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.state, 'adopted')))
		.orderBy(desc(conceptEditions.adoptedOn), desc(conceptEditions.createdAt))
		.limit(1);
	return row ? toView(row) : null;
}

/**
 * The edition a signed-in page shows when none is chosen: the newest draft when there is one
 * (that is what the network works on), else the adopted one.
 */
export async function workingEdition(db: Executor, tenantId: string): Promise<EditionView | null> {
	const all = await editionsOf(db, tenantId);
	return (
		all.find((e) => e.state === 'draft') ?? all.find((e) => e.state === 'adopted') ?? all[0] ?? null
	);
}

export async function findEdition(db: Executor, tenantId: string, id: string) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select()
		.from(conceptEditions)
		.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, id)));
	return row ?? null;
}

export async function getEdition(
	ctx: TenantCtx,
	input: { editionId: string }
): Promise<EditionView> {
	authorize(ctx.actor, 'concept.view', { tenantId: ctx.tenant.id });
	const row = await findEdition(ctx.db, ctx.tenant.id, input.editionId);
	if (!row) throw new NotFoundError();
	return toView(row);
}

/** Throws when the edition is missing or superseded (superseded editions are kept as they were). */
export async function editableEdition(db: Executor, tenantId: string, id: string) {
	const row = await findEdition(db, tenantId, id);
	if (!row) throw new NotFoundError();
	if (row.state === 'superseded') throw new ValidationError({ form: 'concept_error_superseded' });
	return row;
}

/**
 * A new edition: a draft that starts as a copy of the newest edition (Leitbild, guidelines with
 * their guiding questions, goals with their indicator links, measures with milestones and
 * links), each copied item remembering its origin for the diff.
 */
export async function createEdition(ctx: TenantCtx, input: Input): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const data = parseOrThrow(editionInput, input);
	return ctx.db.transaction(async (tx) => {
		await ensureDefaultStates(tx, tenantId);
		const [last] = await tx
			.select()
			.from(conceptEditions)
			.where(eq(conceptEditions.tenantId, tenantId))
			.orderBy(desc(conceptEditions.createdAt), desc(conceptEditions.id))
			.limit(1);
		const [edition] = await tx
			.insert(conceptEditions)
			.values({
				tenantId,
				title: data.title,
				leitbild: data.leitbild ?? last?.leitbild ?? null,
				basedOnId: last?.id ?? null,
				createdBy: actor.userId
			})
			.returning();
		if (last) await copyEditionContent(tx, tenantId, last.id, edition.id);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.edition_create',
			entityType: 'concept_edition',
			entityId: edition.id,
			after: { name: edition.title, basedOn: last?.title ?? null }
		});
		return { id: edition.id };
	});
}

/**
 * The opening every change of an existing edition shares: a coordinator's right to manage the
 * concept first, then the edition id and the validated input.
 */
function editionChange<T>(
	ctx: TenantCtx,
	input: Input & { editionId: string },
	schema: z.ZodType<T>
): { tenantId: string; id: string; data: T } {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	return { tenantId, id: requireUuid(input.editionId), data: parseOrThrow(schema, input) };
}

export async function updateEdition(
	ctx: TenantCtx,
	input: Input & { editionId: string }
): Promise<void> {
	const { tenantId, id, data } = editionChange(ctx, input, editionInput);
	await ctx.db.transaction(async (tx) => {
		const before = await editableEdition(tx, tenantId, id);
		await tx
			.update(conceptEditions)
			.set({ title: data.title, leitbild: data.leitbild ?? null, updatedAt: new Date() })
			.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.edition_update',
			entityType: 'concept_edition',
			entityId: id,
			before: { name: before.title, leitbild: before.leitbild },
			after: { name: data.title, leitbild: data.leitbild ?? null }
		});
	});
}

/** A draft is adopted (date, body); the previously adopted edition is superseded. */
export async function adoptEdition(
	ctx: TenantCtx,
	input: Input & { editionId: string }
): Promise<void> {
	const { tenantId, id, data } = editionChange(ctx, input, adoptInput);
	await ctx.db.transaction(async (tx) => {
		const row = await findEdition(tx, tenantId, id);
		if (!row) throw new NotFoundError();
		if (row.state !== 'draft') throw new ValidationError({ form: 'concept_error_not_draft' });
		await tx
			.update(conceptEditions)
			.set({ state: 'superseded', updatedAt: new Date() })
			.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.state, 'adopted')));
		await tx
			.update(conceptEditions)
			.set({
				state: 'adopted',
				adoptedOn: data.adoptedOn,
				adoptedBy: data.adoptedBy,
				updatedAt: new Date()
			})
			.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.edition_adopt',
			entityType: 'concept_edition',
			entityId: id,
			before: { name: row.title, state: row.state },
			after: {
				name: row.title,
				state: 'adopted',
				adoptedOn: data.adoptedOn,
				adoptedBy: data.adoptedBy
			}
		});
	});
}
