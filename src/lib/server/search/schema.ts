import { text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn } from '../db/columns';
import { tenantTable } from '../tenants/schema';

export const SYNONYM_ACTIONS = ['add', 'hide'] as const;
export type SynonymAction = (typeof SYNONYM_ACTIONS)[number];

/**
 * A tenant's changes to the built-in thesaurus (search/thesaurus/*.json): a term added to a
 * concept, or a built-in term hidden. The finder uses the built-in set with these applied.
 */
export const searchSynonyms = tenantTable(
	'search_synonyms',
	{
		concept: text('concept').notNull(),
		language: text('language').notNull(),
		term: text('term').notNull(),
		action: text('action', { enum: SYNONYM_ACTIONS }).notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [uniqueIndex('search_synonyms_tenant_term').on(t.tenantId, t.concept, t.language, t.term)]
);
export type SearchSynonym = typeof searchSynonyms.$inferSelect;
