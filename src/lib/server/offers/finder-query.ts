/**
 * The finder's state as the query string carries it (parsed leniently: unknown values are
 * dropped), and the shapes of its result.
 */
import { z } from 'zod';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from './vocabulary';
import type { LocalText } from './public';

export const FINDER_PAGE_SIZE = 20;
/** relevance = best hits first; without search words it orders by title */
export const FINDER_SORTS = ['relevance', 'title', 'newest', 'date'] as const;
export type FinderSort = (typeof FINDER_SORTS)[number];
/** pg_trgm word similarity from which a search word counts as (mis)spelling a title word */
export const TITLE_SIMILARITY = 0.6;
/** at most this many words of a query are used */
export const MAX_WORDS = 8;
const MAX_PAGE = 1000;
const MAX_VALUES = 30;

/** The finder's state, as the query string carries it. */
export interface FinderQuery {
	q: string;
	/** fields of action by key */
	field: string[];
	/** target groups (vocabulary keys) */
	group: string[];
	/** languages in which offers are given (ISO 639-1) */
	language: string[];
	/** municipalities by slug (district tenants only) */
	municipality: string[];
	/** ISO weekdays 1 (Monday) … 7 (Sunday) */
	day: number[];
	free: boolean;
	childcare: boolean;
	accessible: boolean;
	sort: FinderSort;
	page: number;
}

const SLUG_OR_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const targetGroupSet = new Set<string>(TARGET_GROUPS);
const languageSet = new Set<string>(SPOKEN_LANGUAGES);

/** Repeated parameters: invalid entries are dropped one by one, duplicates removed. */
const values = (valid: (v: string) => boolean) =>
	z
		.array(z.string())
		.catch([])
		.transform((list) => [...new Set(list.filter(valid))].slice(0, MAX_VALUES));

const flag = z
	.string()
	.nullish()
	.catch(null)
	.transform((v) => v === '1' || v === 'true' || v === 'on');

const finderSchema = z.object({
	q: z
		.string()
		.nullish()
		.catch(null)
		.transform((v) => (v ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)),
	field: values((v) => SLUG_OR_KEY.test(v)),
	group: values((v) => targetGroupSet.has(v)),
	language: values((v) => languageSet.has(v)),
	municipality: values((v) => SLUG_OR_KEY.test(v)),
	day: values((v) => /^[1-7]$/.test(v)).transform((list) => list.map(Number).sort((a, b) => a - b)),
	free: flag,
	childcare: flag,
	accessible: flag,
	sort: z.enum(FINDER_SORTS).catch('relevance'),
	page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)
});

/** Reads the finder's state from a query string. Bad values fall back to defaults; never throws. */
export function parseFinderQuery(params: URLSearchParams): FinderQuery {
	return finderSchema.parse({
		q: params.get('q'),
		field: params.getAll('field'),
		group: params.getAll('group'),
		language: params.getAll('language'),
		municipality: params.getAll('municipality'),
		day: params.getAll('day'),
		free: params.get('free'),
		childcare: params.get('childcare'),
		accessible: params.get('accessible'),
		sort: params.get('sort') ?? undefined,
		page: params.get('page') ?? undefined
	});
}

/** The query string of a finder state (defaults left out), e.g. for links to other pages. */
export function finderQueryString(
	query: FinderQuery,
	overrides: Partial<FinderQuery> = {}
): string {
	const s = { ...query, ...overrides };
	const p = new URLSearchParams();
	if (s.q) p.set('q', s.q);
	for (const v of s.field) p.append('field', v);
	for (const v of s.group) p.append('group', v);
	for (const v of s.language) p.append('language', v);
	for (const v of s.municipality) p.append('municipality', v);
	for (const v of s.day) p.append('day', String(v));
	if (s.free) p.set('free', '1');
	if (s.childcare) p.set('childcare', '1');
	if (s.accessible) p.set('accessible', '1');
	if (s.sort !== 'relevance') p.set('sort', s.sort);
	if (s.page > 1) p.set('page', String(s.page));
	const out = p.toString();
	return out ? `?${out}` : '';
}

/** The words a query searches for: letters and digits, lower case, at least two characters. */
export function searchWords(q: string): string[] {
	const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	return [...new Set(words.filter((w) => w.length >= 2).map((w) => w.slice(0, 40)))].slice(
		0,
		MAX_WORDS
	);
}

export interface FacetOption {
	value: string;
	/** for fields of action and municipalities (data); other labels come from the messages */
	label: string;
	count: number;
	selected: boolean;
}

export interface FlagFacet {
	count: number;
	selected: boolean;
}

export interface FinderFacets {
	field: FacetOption[];
	group: FacetOption[];
	language: FacetOption[];
	/** empty unless the tenant is a district */
	municipality: FacetOption[];
	day: FacetOption[];
	free: FlagFacet;
	childcare: FlagFacet;
	accessible: FlagFacet;
}

/** An offer in the finder's list. */
export interface OfferCard {
	/** shown in the visitor's language, machine-translated */
	machine?: boolean;
	id: string;
	title: LocalText;
	/** the beginning of the description */
	summary: LocalText | null;
	organization: string;
	fieldOfAction: string | null;
	targetGroups: string[];
	languages: string[];
	locationKind: 'place' | 'mobile' | 'online';
	/** cities (or names) of its places */
	places: string | null;
	scheduleKind: 'once' | 'recurring' | 'appointment';
	startsAt: Date | null;
	weekdays: number[];
	/** next day it takes place (YYYY-MM-DD), where known */
	nextDate: string | null;
	costFree: boolean;
	childcare: boolean;
	accessible: boolean;
	/** the tenant keeping it, when that is not the finder's own (a municipality or the district) */
	keptBy: string | null;
}

export interface FinderResult {
	/** the state actually used: unknown values dropped, page within range */
	query: FinderQuery;
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
	items: OfferCard[];
	facets: FinderFacets;
}

export type FacetKey =
	'field' | 'group' | 'language' | 'municipality' | 'day' | 'free' | 'childcare' | 'accessible';
