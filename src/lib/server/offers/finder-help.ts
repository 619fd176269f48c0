/**
 * Help when the finder finds nothing: a corrected query ("Meinten Sie …?") from the words of the
 * scope's offer titles and the thesaurus, and the nearest search that finds something (the same
 * search without the filters that emptied it, or in the whole district). Runs only on an empty
 * result, so the usual search costs nothing more.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/client';
import { offers, offerTexts } from './schema';
import { districtScope, publicOfferCondition, type FinderScope } from './public';
import { searchOffers } from './search';
import { searchWords, type FinderQuery, type FinderResult } from './finder-query';
import { finderVocabulary } from '../search/synonyms';

/** pg_trgm similarity from which a word counts as a misspelling of a known word */
const SUGGESTION_SIMILARITY = 0.35;

export interface FinderHelp {
	/** a corrected query that finds offers */
	suggestion: { q: string; total: number } | null;
	/** the same search without its filters, where that finds offers */
	withoutFilters: { total: number } | null;
	/** the same search in the whole district, where that finds offers */
	district: { slug: string; name: string; total: number } | null;
}

/** The parts of a finder query to reset for a search without filters. */
export const NO_FILTERS: Partial<FinderQuery> = {
	field: [],
	group: [],
	language: [],
	municipality: [],
	day: [],
	free: false,
	childcare: false,
	accessible: false,
	page: 1
};

function hasFilters(q: FinderQuery): boolean {
	return (
		q.field.length + q.group.length + q.language.length + q.municipality.length + q.day.length >
			0 ||
		q.free ||
		q.childcare ||
		q.accessible
	);
}

/** For each word, the closest known word (title words of the scope's offers, thesaurus terms). */
async function correctedWords(
	db: Executor,
	scope: FinderScope,
	words: string[]
): Promise<string[]> {
	const vocabulary = await finderVocabulary(db, scope);
	const known = [...new Set(vocabulary.terms.flatMap((t) => t.words))];
	const rows = rowsOf<{ word: string; best: string | null }>(
		await db.execute(sql`
			WITH candidates AS (
				SELECT DISTINCT lower(w) AS cand
				FROM ${offerTexts}
				JOIN ${offers} ON ${offers.id} = ${offerTexts.offerId}
				JOIN "organizations" ON "organizations"."id" = ${offers.organizationId}
				CROSS JOIN LATERAL regexp_split_to_table(
					translate(${offerTexts.title}, '„“”«»–—', '       '), '[[:space:][:punct:]]+') AS w
				WHERE ${publicOfferCondition(scope)} AND length(w) >= 3
				UNION
				SELECT unnest(${sql`ARRAY[${sql.join(
					known.map((k) => sql`${k}`),
					sql`, `
				)}]::text[]`})
			)
			SELECT q.word, (
				SELECT c.cand FROM candidates c
				WHERE similarity(q.word, c.cand) >= ${SUGGESTION_SIMILARITY}
				ORDER BY similarity(q.word, c.cand) DESC, c.cand
				LIMIT 1
			) AS best
			FROM unnest(${sql`ARRAY[${sql.join(
				words.map((w) => sql`${w}`),
				sql`, `
			)}]::text[]`}) WITH ORDINALITY AS q(word, n)
			ORDER BY q.n`)
	);
	return rows.map((r) => r.best ?? r.word);
}

/** What the finder offers instead of an empty result (nothing when it found offers). */
export async function finderHelp(
	db: Executor,
	scope: FinderScope,
	result: FinderResult,
	locale: string
): Promise<FinderHelp> {
	const help: FinderHelp = { suggestion: null, withoutFilters: null, district: null };
	if (result.total > 0) return help;
	const query = result.query;
	const words = searchWords(query.q);
	if (words.length > 0) {
		const corrected = await correctedWords(db, scope, words);
		const q = corrected.join(' ');
		if (corrected.some((w, i) => w !== words[i])) {
			const found = await searchOffers(db, scope, { ...query, q, page: 1 }, locale);
			if (found.total > 0) help.suggestion = { q, total: found.total };
		}
	}
	if (hasFilters(query)) {
		const found = await searchOffers(db, scope, { ...query, ...NO_FILTERS }, locale);
		if (found.total > 0) help.withoutFilters = { total: found.total };
	}
	const district = await districtScope(db, scope);
	if (district) {
		const found = await searchOffers(db, district, { ...query, page: 1 }, locale);
		if (found.total > 0)
			help.district = {
				slug: district.tenant.slug,
				name: district.tenant.name,
				total: found.total
			};
	}
	return help;
}
