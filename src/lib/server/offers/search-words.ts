/**
 * The text-search queries of the finder's search words and thesaurus groups (see search.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { QueryGroup } from '../search/thesaurus';

/** A word as a prefix query in a text-search configuration, with the German s-variant. */
export function wordQuery(config: string, word: string): SQL {
	const prefix = sql`to_tsquery(${config}::regconfig, ${`${word}:*`})`;
	if (config !== 'german') return prefix;
	const stem = sql`(ts_lexize('german_stem', ${word}::text))[1]`;
	return sql`(CASE WHEN ${stem} ~ '[bdfghklmnrt]s$' THEN ${prefix} || to_tsquery('simple', left(${stem}, -1) || ':*') ELSE ${prefix} END)`;
}

/** Alternatives (each a list of words that must all occur) as one query: (a && b) || c … */
function alternativesQuery(config: string, alternatives: string[][]): SQL {
	const seen = new Set<string>();
	const unique = alternatives.filter((a) => {
		const key = a.join(' ');
		if (a.length === 0 || seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	return sql`(${sql.join(
		unique.map(
			(words) =>
				sql`(${sql.join(
					words.map((w) => wordQuery(config, w)),
					sql` && `
				)})`
		),
		sql` || `
	)})`;
}

/** A group's query in German: its own words or any German term of its concepts. */
export function germanGroupQuery(group: QueryGroup): SQL {
	return alternativesQuery('german', [group.words, ...group.german]);
}

/** A group's query in the visitor's language: its own words or the terms of that language. */
export function localGroupQuery(config: string, group: QueryGroup): SQL {
	return alternativesQuery(config, [group.words, ...group.local]);
}
