import { expect, test } from '../fixtures';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

test('robots.txt names the sitemaps, whose pages exist in every language with sharing tags', async ({
	request
}) => {
	const robots = await request.get('/robots.txt');
	expect(robots.status()).toBe(200);
	const text = await robots.text();
	expect(text).toMatch(/^Disallow: \/app\/$/m);
	const index = /^Sitemap: (\S+)$/m.exec(text)?.[1];
	expect(index).toMatch(/\/sitemap\.xml$/);

	const indexXml = await (await request.get(new URL(index!).pathname)).text();
	const landshut = locs(indexXml).find((u) => u.endsWith('/landshut/sitemap.xml'));
	expect(landshut).toBeTruthy();
	const tenantXml = await request.get(new URL(landshut!).pathname);
	expect(tenantXml.headers()['content-type']).toContain('application/xml');
	const urls = locs(await tenantXml.text()).map((u) => new URL(u).pathname);
	const offer = urls.find((p) => /^\/landshut\/angebote\/[0-9a-f-]{36}$/.test(p));
	expect(offer, 'an offer page in the sitemap').toBeTruthy();
	for (const path of [offer!, '/landshut', '/landshut/gremien', '/landshut/barrierefreiheit']) {
		expect(urls).toContain(path);
		const page = await request.get(path);
		expect(page.status(), path).toBe(200);
		const html = await page.text();
		expect(html, path).toMatch(/<meta property="og:title" content="[^"]+">/);
		expect(html, path).toMatch(/<meta name="description" content="[^"]{20,}"/);
		expect(html, path).toContain(`<link rel="canonical" href="`);
	}
});
