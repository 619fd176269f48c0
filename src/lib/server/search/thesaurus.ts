/**
 * The finder's thesaurus: concepts (language courses, counselling, housing …) with the terms
 * people type for them in the seven public languages. The built-in vocabulary is data
 * (thesaurus/<language>.json); a tenant adds or hides terms (synonyms.ts).
 *
 * A query is split into groups: words that together spell a term of a concept ("german course",
 * "Deutsch lernen", "курси німецької мови") form one group, which matches an offer when any
 * German term of its concepts does (or the words themselves, or the terms of the visitor's
 * language); every other word is a group of its own. Every group must match, as before.
 * Terms match query words after normalisation (case, diacritics, Arabic letter forms and
 * article) and with inflected endings ("курсы" ~ "курс", "Deutschkurse" ~ "Deutschkurs").
 */
import de from './thesaurus/de.json';
import en from './thesaurus/en.json';
import ar from './thesaurus/ar.json';
import uk from './thesaurus/uk.json';
import tr from './thesaurus/tr.json';
import ru from './thesaurus/ru.json';
import fa from './thesaurus/fa.json';

export const THESAURUS_LANGUAGES = ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa'] as const;
export type ThesaurusLanguage = (typeof THESAURUS_LANGUAGES)[number];

export interface ThesaurusFile {
	language: string;
	/** words left out of a query (unless it has no other word) */
	stopwords: string[];
	/** concept key → terms */
	concepts: Record<string, string[]>;
}

const FILES: Record<ThesaurusLanguage, ThesaurusFile> = { de, en, ar, uk, tr, ru, fa };

/** One term of a concept in a language. */
export interface ThesaurusEntry {
	concept: string;
	language: string;
	term: string;
}

/** The built-in concepts, in the order of the German file. */
export const BUILT_IN_CONCEPTS: string[] = Object.keys(de.concepts);

/** The built-in entries of every language. */
export const BUILT_IN_ENTRIES: ThesaurusEntry[] = THESAURUS_LANGUAGES.flatMap((language) =>
	Object.entries(FILES[language].concepts).flatMap(([concept, terms]) =>
		terms.map((term) => ({ concept, language, term }))
	)
);

const BUILT_IN_STOPWORDS: string[] = THESAURUS_LANGUAGES.flatMap((l) => FILES[l].stopwords);

/** Letters and digits of a text, lower case (the finder's own word split). */
export function textWords(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const ARABIC_ARTICLE = /^(وال|بال|كال|فال|لل|ال)(?=\p{L}{3})/u;
const LETTER_FORMS: Record<string, string> = { ی: 'ي', ى: 'ي', ک: 'ك', ة: 'ه' };

/**
 * A word as terms and queries are compared: without the Arabic article, diacritics (ä → a,
 * й → и, أ → ا) and Persian/Arabic letter variants, so spellings with and without them meet.
 */
export function normalizeWord(word: string): string {
	return word
		.toLowerCase()
		.replace(ARABIC_ARTICLE, '')
		.normalize('NFKD')
		.replace(/[\p{M}\u0640]/gu, '')
		.replace(/[یىکة]/g, (c) => LETTER_FORMS[c])
		.normalize('NFC');
}

function commonPrefix(a: string, b: string): number {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
}

/**
 * How well a (normalised) query word matches a term word: 2 the same, 1 an inflected or
 * longer form ("курсы" for "курс", "немецкого" for "немецкий"), 0 not at all.
 */
export function wordMatch(query: string, term: string): 0 | 1 | 2 {
	if (query === term) return 2;
	const cp = commonPrefix(query, term);
	if (term.length >= 3 && cp === term.length) return 1;
	if (cp >= 4 && cp >= term.length - 2 && cp >= query.length - 3) return 1;
	return 0;
}

interface Term {
	concept: string;
	language: string;
	/** the term's words as the search uses them (lower case) */
	words: string[];
	/** the same, normalised for matching */
	keys: string[];
}

/** A thesaurus ready for matching queries. */
export interface Vocabulary {
	terms: Term[];
	/** concept → language → terms (as word lists) */
	byConcept: Map<string, Map<string, string[][]>>;
	stopwords: Set<string>;
}

/** The vocabulary of some entries (built-in ones and a tenant's). */
export function buildVocabulary(
	entries: ThesaurusEntry[],
	stopwords: string[] = BUILT_IN_STOPWORDS
): Vocabulary {
	const terms: Term[] = [];
	const byConcept = new Map<string, Map<string, string[][]>>();
	const seen = new Set<string>();
	const stop = new Set(stopwords.flatMap(textWords).map(normalizeWord));
	for (const e of entries) {
		// As in queries: words of one letter and stop words ("в", "في") left out.
		const all = textWords(e.term).filter((w) => w.length >= 2);
		const content = all.filter((w) => !stop.has(normalizeWord(w)));
		const words = content.length > 0 ? content : all;
		if (words.length === 0) continue;
		const id = `${e.concept}\u0000${e.language}\u0000${words.join(' ')}`;
		if (seen.has(id)) continue;
		seen.add(id);
		terms.push({ concept: e.concept, language: e.language, words, keys: words.map(normalizeWord) });
		let langs = byConcept.get(e.concept);
		if (!langs) byConcept.set(e.concept, (langs = new Map()));
		let list = langs.get(e.language);
		if (!list) langs.set(e.language, (list = []));
		list.push(words);
	}
	return {
		terms,
		byConcept,
		stopwords: stop
	};
}

let builtIn: Vocabulary | undefined;
/** The built-in vocabulary (built once). */
export function builtInVocabulary(): Vocabulary {
	return (builtIn ??= buildVocabulary(BUILT_IN_ENTRIES));
}

/** A part of a query that must match an offer. */
export interface QueryGroup {
	/** the query's own words */
	words: string[];
	/** concepts the words name */
	concepts: string[];
	/** alternatives in German (each a list of words that must all match) */
	german: string[][];
	/** alternatives in the visitor's language */
	local: string[][];
}

interface Candidate {
	concept: string;
	indices: number[];
	length: number;
	quality: number;
}

/** Where a term occurs among the query words (each word used once), or null. */
function locate(term: Term, keys: string[]): { indices: number[]; quality: number } | null {
	const indices: number[] = [];
	let quality = 0;
	for (const t of term.keys) {
		let best = -1;
		let bestScore = 0;
		keys.forEach((k, i) => {
			if (indices.includes(i)) return;
			const score = wordMatch(k, t);
			if (score > bestScore) [best, bestScore] = [i, score];
		});
		if (best < 0) return null;
		indices.push(best);
		quality += bestScore;
	}
	return { indices: indices.sort((a, b) => a - b), quality };
}

/** Drops stop words (unless nothing else is left). */
export function withoutStopwords(words: string[], vocabulary: Vocabulary): string[] {
	const kept = words.filter((w) => !vocabulary.stopwords.has(normalizeWord(w)));
	return kept.length > 0 ? kept : words;
}

/**
 * Splits search words into groups: the longest terms first; among terms on the same words, the
 * closest matches win (so "Berufssprachkurs" is a language course, not any "Beruf").
 */
export function expandQuery(words: string[], vocabulary: Vocabulary, locale: string): QueryGroup[] {
	const keys = words.map(normalizeWord);
	const candidates: Candidate[] = [];
	for (const term of vocabulary.terms) {
		if (term.keys.length > keys.length) continue;
		const hit = locate(term, keys);
		if (hit) candidates.push({ concept: term.concept, length: term.keys.length, ...hit });
	}
	candidates.sort((a, b) => b.length - a.length || b.quality - a.quality);
	const covered = new Set<number>();
	const chosen: Candidate[] = [];
	for (const c of candidates) {
		const same = chosen.find((g) => g.indices.join() === c.indices.join());
		if (same) {
			if (c.quality === same.quality) chosen.push(c);
			continue;
		}
		if (c.indices.some((i) => covered.has(i))) continue;
		c.indices.forEach((i) => covered.add(i));
		chosen.push(c);
	}
	const groups = new Map<string, { first: number; words: string[]; concepts: Set<string> }>();
	for (const c of chosen) {
		const key = c.indices.join();
		const g = groups.get(key) ?? {
			first: c.indices[0],
			words: c.indices.map((i) => words[i]),
			concepts: new Set<string>()
		};
		g.concepts.add(c.concept);
		groups.set(key, g);
	}
	words.forEach((w, i) => {
		if (!covered.has(i)) groups.set(`w${i}`, { first: i, words: [w], concepts: new Set() });
	});
	return [...groups.values()]
		.sort((a, b) => a.first - b.first)
		.map((g) => {
			const concepts = [...g.concepts];
			const of = (language: string) =>
				concepts.flatMap((c) => vocabulary.byConcept.get(c)?.get(language) ?? []);
			return {
				words: g.words,
				concepts,
				german: of('de'),
				local: locale === 'de' ? [] : of(locale)
			};
		});
}
