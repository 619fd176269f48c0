/**
 * A tenant's own thesaurus: terms added to the built-in concepts and built-in terms hidden
 * (coordinators, on the page "Suchbegriffe"), and the vocabulary the finder searches with.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow, requireUuid } from '../shared';
import { searchSynonyms } from './schema';
import {
	BUILT_IN_CONCEPTS,
	BUILT_IN_ENTRIES,
	buildVocabulary,
	builtInVocabulary,
	textWords,
	THESAURUS_LANGUAGES,
	type ThesaurusEntry,
	type Vocabulary
} from './thesaurus';

/** The tenants whose entries a finder uses: its own and its district's. */
export interface VocabularyScope {
	tenant: { id: string };
	district: { id: string } | null;
}

/** A term as compared for duplicates: its words, lower case. */
const termKey = (term: string) => textWords(term).join(' ');

/** The built-in entries with a tenant's rows applied. */
function applyRows(rows: { concept: string; language: string; term: string; action: string }[]) {
	const hidden = new Set(
		rows
			.filter((r) => r.action === 'hide')
			.map((r) => `${r.concept}|${r.language}|${termKey(r.term)}`)
	);
	const kept = BUILT_IN_ENTRIES.filter(
		(e) => !hidden.has(`${e.concept}|${e.language}|${termKey(e.term)}`)
	);
	const added = rows
		.filter((r) => r.action === 'add')
		.map((r) => ({ concept: r.concept, language: r.language, term: r.term }));
	return [...kept, ...added];
}

/**
 * The vocabulary of a finder: the built-in one, with the entries of the tenant and its district
 * applied (one query per request; without entries the prepared built-in vocabulary).
 */
export async function finderVocabulary(db: Executor, scope: VocabularyScope): Promise<Vocabulary> {
	const tenantIds = [scope.tenant.id, ...(scope.district ? [scope.district.id] : [])];
	const rows = await db
		.select({
			concept: searchSynonyms.concept,
			language: searchSynonyms.language,
			term: searchSynonyms.term,
			action: searchSynonyms.action
		})
		.from(searchSynonyms)
		.where(inArray(searchSynonyms.tenantId, tenantIds));
	return rows.length === 0 ? builtInVocabulary() : buildVocabulary(applyRows(rows));
}

export interface ThesaurusTermView {
	term: string;
	/** set for a tenant's own term (and for a hidden built-in term: the row that hides it) */
	id: string | null;
	builtIn: boolean;
	hidden: boolean;
}

export interface ThesaurusConceptView {
	concept: string;
	languages: { language: string; terms: ThesaurusTermView[] }[];
}

/** The coordinator's right to change the thesaurus, checked; the tenant's id. */
function authorizedTenant(ctx: TenantCtx): string {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId });
	return tenantId;
}

/** A tenant's own rows (added and hidden terms), oldest first. */
function tenantRows(db: Executor, tenantId: string) {
	return db
		.select()
		.from(searchSynonyms)
		.where(eq(searchSynonyms.tenantId, tenantId))
		.orderBy(asc(searchSynonyms.createdAt), asc(searchSynonyms.term));
}

/** Whether a row stands for entry `e`: same concept, language and term (as compared). */
const sameEntry = (r: ThesaurusEntry, e: ThesaurusEntry) =>
	r.concept === e.concept && r.language === e.language && termKey(r.term) === termKey(e.term);

/** The thesaurus as the coordinator's page shows it: built-in terms, hidden ones, own ones. */
export async function viewThesaurus(ctx: TenantCtx): Promise<ThesaurusConceptView[]> {
	const rows = await tenantRows(ctx.db, authorizedTenant(ctx));
	const rowOf = (action: string, e: ThesaurusEntry) =>
		rows.find((r) => r.action === action && sameEntry(r, e));
	return BUILT_IN_CONCEPTS.map((concept) => ({
		concept,
		languages: THESAURUS_LANGUAGES.map((language) => {
			const builtIn = BUILT_IN_ENTRIES.filter(
				(e) => e.concept === concept && e.language === language
			).map((e) => {
				const hide = rowOf('hide', e);
				return { term: e.term, id: hide?.id ?? null, builtIn: true, hidden: !!hide };
			});
			const own = rows
				.filter((r) => r.action === 'add' && r.concept === concept && r.language === language)
				.map((r) => ({ term: r.term, id: r.id, builtIn: false, hidden: false }));
			return { language, terms: [...builtIn, ...own] };
		})
	}));
}

const entryInput = z.object({
	concept: z.enum(BUILT_IN_CONCEPTS as [string, ...string[]], {
		error: 'srch_error_concept_required'
	}),
	language: z.enum(THESAURUS_LANGUAGES, { error: 'srch_error_language_required' }),
	term: z
		.string({ error: 'srch_error_term_required' })
		.trim()
		.min(1, { error: 'srch_error_term_required' })
		.max(80, { error: 'srch_error_term_too_long' })
		.refine((t) => textWords(t).some((w) => w.length >= 2), { error: 'srch_error_term_required' })
		.transform((t) => t.replace(/\s+/g, ' '))
});

const isBuiltIn = (e: { concept: string; language: string; term: string }) =>
	BUILT_IN_ENTRIES.some(
		(b) =>
			b.concept === e.concept && b.language === e.language && termKey(b.term) === termKey(e.term)
	);

type EntryInput = { concept?: unknown; language?: unknown; term?: unknown };

/** The first lines of a change: the coordinator's right, then the entry checked. */
function authorizedEntry(ctx: TenantCtx, input: EntryInput) {
	return { tenantId: authorizedTenant(ctx), entry: parseOrThrow(entryInput, input) };
}

/** Adds a term to a concept for the tenant's finder. */
export async function addSynonym(ctx: TenantCtx, input: EntryInput): Promise<{ id: string }> {
	const { tenantId, entry } = authorizedEntry(ctx, input);
	if (isBuiltIn(entry)) throw new ValidationError({ term: 'srch_error_term_built_in' });
	return ctx.db.transaction(async (tx) => {
		const existing = await tenantRows(tx, tenantId);
		if (existing.some((r) => sameEntry(r, entry)))
			throw new ValidationError({ term: 'srch_error_term_exists' });
		const [row] = await tx
			.insert(searchSynonyms)
			.values({ tenantId, ...entry, action: 'add' })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'search_synonym.add',
			entityType: 'search_synonym',
			entityId: row.id,
			after: entry
		});
		return { id: row.id };
	});
}

/** Hides a built-in term from the tenant's finder. */
export async function hideBuiltInTerm(ctx: TenantCtx, input: EntryInput): Promise<{ id: string }> {
	const { tenantId, entry } = authorizedEntry(ctx, input);
	if (!isBuiltIn(entry)) throw new NotFoundError();
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(searchSynonyms)
			.values({ tenantId, ...entry, action: 'hide' })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new ValidationError({ term: 'srch_error_term_hidden' });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'search_synonym.hide',
			entityType: 'search_synonym',
			entityId: row.id,
			after: entry
		});
		return { id: row.id };
	});
}

/** Removes a tenant's own term, or shows a hidden built-in term again. */
export async function removeSynonym(ctx: TenantCtx, input: { id?: unknown }): Promise<void> {
	const tenantId = authorizedTenant(ctx);
	const id = requireUuid(input.id);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.delete(searchSynonyms)
			.where(and(eq(searchSynonyms.tenantId, tenantId), eq(searchSynonyms.id, id)))
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: row.action === 'add' ? 'search_synonym.remove' : 'search_synonym.unhide',
			entityType: 'search_synonym',
			entityId: id,
			before: { concept: row.concept, language: row.language, term: row.term }
		});
	});
}
