/**
 * The finder's relevance set (relevance-set.json) against the seeded demo: every query, in its
 * language, must find each offer it lists. Prints the recall per language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { seedDemo } from '../demo/seed';
import { offers, offerTexts } from '../offers/schema';
import { tenants } from '../tenants/schema';
import { scopeAt } from '../offers/finder-testing';
import { searchOffers } from '../offers/search';
import { parseFinderQuery } from '../offers/finder-query';
import { THESAURUS_LANGUAGES } from './thesaurus';
import set from './relevance-set.json';

interface RelevanceQuery {
	language: string;
	tenant: string;
	query: string;
	expect: string[];
}
const queries: RelevanceQuery[] = set.queries;
/** Landshut's and Freising's public demo networks have over 20 offers each. */
const MAX_FOUND = 10;

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
}, 120_000);
afterAll(() => database?.close());

/** The ids of a tenant's offers by German title. */
async function offerIds(slug: string): Promise<Map<string, string>> {
	const rows = await database.db
		.select({ id: offers.id, title: offerTexts.title })
		.from(offers)
		.innerJoin(tenants, eq(tenants.id, offers.tenantId))
		.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
		.where(eq(tenants.slug, slug));
	return new Map(rows.map((r) => [r.title, r.id]));
}

/** Every offer the finder finds for a query (all pages). */
async function found(slug: string, q: string, locale: string): Promise<Set<string>> {
	const scope = await scopeAt(database.db, slug);
	if (!scope) throw new Error(`no public finder for ${slug}`);
	const ids = new Set<string>();
	for (let page = 1; ; page++) {
		const params = new URLSearchParams({ q, page: String(page) });
		const r = await searchOffers(database.db, scope, parseFinderQuery(params), locale);
		r.items.forEach((i) => ids.add(i.id));
		if (page >= r.pageCount) return ids;
	}
}

describe('the finder relevance set', () => {
	it('has at least 60 queries in each of the seven languages', () => {
		expect(queries.length).toBeGreaterThanOrEqual(60);
		for (const language of THESAURUS_LANGUAGES)
			expect(queries.filter((q) => q.language === language).length, language).toBeGreaterThan(5);
	});

	it('finds every listed offer for every query (recall per language printed)', async () => {
		const idsBySlug = new Map<string, Map<string, string>>();
		const recall = new Map<string, { expected: number; found: number }>();
		const misses: string[] = [];
		const floods: string[] = [];
		for (const q of queries) {
			if (!idsBySlug.has(q.tenant)) idsBySlug.set(q.tenant, await offerIds(q.tenant));
			const ids = idsBySlug.get(q.tenant)!;
			const result = await found(q.tenant, q.query, q.language);
			// The expansion must not flood: a query finds at most half of the demo network's offers.
			if (result.size > MAX_FOUND) floods.push(`[${q.language}] "${q.query}" finds ${result.size}`);
			const r = recall.get(q.language) ?? { expected: 0, found: 0 };
			for (const title of q.expect) {
				const id = ids.get(title);
				expect(id, `demo offer "${title}" of ${q.tenant}`).toBeDefined();
				r.expected++;
				if (result.has(id!)) r.found++;
				else misses.push(`[${q.language}] ${q.tenant} "${q.query}" misses "${title}"`);
			}
			recall.set(q.language, r);
		}
		const lines = [...recall.entries()].map(
			([language, r]) =>
				`${language}: ${r.found}/${r.expected} = ${((100 * r.found) / r.expected).toFixed(1)} %`
		);
		console.log(`Finder recall per language (relevance-set.json):\n${lines.join('\n')}`);
		expect(misses).toEqual([]);
		expect(floods).toEqual([]);
	}, 300_000);
});
