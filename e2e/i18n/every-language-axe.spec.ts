import { expect, test, visit } from '../fixtures';

const LANGUAGES = [
	{ code: 'de', prefix: '', dir: 'ltr' },
	{ code: 'en', prefix: '/en', dir: 'ltr' },
	{ code: 'ar', prefix: '/ar', dir: 'rtl' },
	{ code: 'uk', prefix: '/uk', dir: 'ltr' },
	{ code: 'tr', prefix: '/tr', dir: 'ltr' },
	{ code: 'ru', prefix: '/ru', dir: 'ltr' },
	{ code: 'fa', prefix: '/fa', dir: 'rtl' }
];

/**
 * Issue 12: the main public pages in all seven languages, in one browser page: each passes axe
 * (WCAG 2.2 AA), has the right lang and dir, offers the other languages (menu and alternates)
 * and keeps its links in the language.
 */
test('the main public pages pass axe in every language with the right lang and dir', async ({
	page
}) => {
	test.setTimeout(600_000);
	// an offer and a body of Landshut, by their links on the German lists
	await page.goto('/landshut/angebote');
	const offer = await page.locator('.offer-list a').first().getAttribute('href');
	await page.goto('/landshut/gremien');
	const body = await page
		.locator('main a[href^="/landshut/gremien/"]')
		.first()
		.getAttribute('href');
	expect(offer).toMatch(/^\/landshut\/angebote\/./);
	expect(body).toMatch(/^\/landshut\/gremien\/./);

	const pages = [
		'/landshut',
		'/landshut/angebote',
		offer!,
		body!,
		'/landshut/konzept',
		'/landshut/vorlagen',
		'/landshut/beteiligung',
		'/landshut/anliegen',
		'/barrierefreiheit',
		'/anmelden'
	];
	for (const { code, prefix, dir } of LANGUAGES) {
		for (const path of pages) {
			const response = await visit(page, `${prefix}${path}`);
			expect(response?.status(), `${prefix}${path}`).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expect(page.locator(`link[rel="alternate"][hreflang="${code}"]`)).toHaveAttribute(
				'href',
				new RegExp(`${prefix}${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
			);
			await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(8);
			await expect(page.locator('.lang-menu a[hreflang]')).toHaveCount(7);
			if (prefix) {
				const brand = page.locator('a.brand');
				await expect(brand).toHaveAttribute('href', prefix);
			}
		}
	}
});
