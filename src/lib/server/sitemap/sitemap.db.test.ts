import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDb, testCtx, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from '../demo/seed';
import { resolveRequestTenant } from '../tenants/resolve';
import { scopeAt } from '../offers/finder-testing';
import { searchOffers } from '../offers/search';
import { parseFinderQuery } from '../offers/finder-query';
import { listPublicPapers } from '../papers/public-view';
import { robotsTxt, sitemapIndex, tenantSitemap } from './sitemap';

let database: Database;

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
});
afterAll(() => database.close());

async function ctxOf(slug: string) {
	const tenant = await resolveRequestTenant(database.db, 'public', slug, null);
	if (!tenant) throw new Error(`no public tenant ${slug}`);
	return testTenantCtx(database.db, tenant);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

describe('tenant sitemap (issue 13 item 8)', () => {
	it('lists exactly the offers the public finder shows, each in all seven languages', async () => {
		const xml = await tenantSitemap(await ctxOf('landshut'));
		const scope = await scopeAt(database.db, 'landshut');
		const finderIds: string[] = [];
		for (let page = 1; ; page++) {
			const result = await searchOffers(
				database.db,
				scope!,
				parseFinderQuery(new URLSearchParams({ page: String(page) })),
				'de'
			);
			finderIds.push(...result.items.map((i) => i.id));
			if (page >= result.pageCount) break;
		}
		const offerUrls = locs(xml).filter((u) => /\/landshut\/angebote\/[0-9a-f-]{36}$/.test(u));
		expect(offerUrls.map((u) => u.split('/').pop()).sort()).toEqual([...finderIds].sort());
		expect(finderIds.length).toBeGreaterThan(5);

		const first = offerUrls[0];
		const entry = xml.slice(xml.indexOf(`<loc>${first}</loc>`)).split('</url>')[0];
		const path = new URL(first).pathname;
		for (const locale of ['en', 'ar', 'uk', 'tr', 'ru', 'fa'])
			expect(entry).toContain(`hreflang="${locale}" href="http://localhost:3000/${locale}${path}"`);
		expect(entry).toContain(`hreflang="de" href="http://localhost:3000${path}"`);
		expect(entry).toContain('hreflang="x-default"');
		expect(entry).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
	});

	it('lists the public papers and none of another tenant', async () => {
		const ctx = await ctxOf('landkreis-gifhorn');
		const xml = await tenantSitemap(ctx);
		const papers = locs(xml).filter((u) => u.includes('/vorlagen/'));
		const list = await listPublicPapers(ctx);
		expect(list.total).toBeGreaterThan(0);
		expect(papers).toHaveLength(list.total);
		expect(locs(xml).every((u) => u.startsWith('http://localhost:3000/landkreis-gifhorn'))).toBe(
			true
		);
		expect(locs(xml)).toContain('http://localhost:3000/landkreis-gifhorn/barrierefreiheit');
	});

	it('the index names one sitemap per public tenant', async () => {
		const xml = await sitemapIndex(testCtx(database.db));
		expect(locs(xml)).toContain('http://localhost:3000/landshut/sitemap.xml');
		expect(locs(xml)).toContain('http://localhost:3000/landkreis-freising/sitemap.xml');
	});

	it('robots.txt keeps crawlers out of signed-in areas and secret links and names the index', () => {
		const robots = robotsTxt('https://integration.example.de');
		expect(robots).toMatch(/^Disallow: \/app\/$/m);
		expect(robots).toMatch(/^Disallow: \/\*\/anliegen\/status\/$/m);
		expect(robots).toMatch(/^Sitemap: https:\/\/integration\.example\.de\/sitemap\.xml$/m);
	});
});
