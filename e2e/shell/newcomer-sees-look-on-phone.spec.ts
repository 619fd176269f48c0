import { expect, newNoScriptPage, test, visit, type Page } from '../fixtures';

/** The page is no wider than the screen (tables scroll inside themselves). */
async function expectNoOverflow(page: Page, width: number) {
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide`).toBeLessThanOrEqual(width);
}

/** The demo banner and the header each take one line. */
async function expectOneLineShell(page: Page) {
	const shell = await page.evaluate(() => {
		const banner = document.querySelector('.demo-banner p');
		const lineHeight = banner ? parseFloat(getComputedStyle(banner).lineHeight) : 0;
		const header = document.querySelector('.site-header .container')!;
		const tops = [...header.children]
			.filter((c) => c.getBoundingClientRect().height > 0)
			.map((c) => c.getBoundingClientRect().top);
		return {
			bannerLines: banner ? Math.round(banner.getBoundingClientRect().height / lineHeight) : 0,
			headerRows: Math.max(...tops) - Math.min(...tops)
		};
	});
	expect(shell.bannerLines, 'demo banner lines').toBe(1);
	expect(shell.headerRows, 'header items on one row').toBeLessThan(12);
}

for (const [slug, width, file] of [
	['landshut', 320, 'e2e/screenshots/landshut-start-320.png'],
	['emmerich', 375, 'e2e/screenshots/emmerich-start-phone.png'],
	['emmerich', 320, 'e2e/screenshots/emmerich-start-320.png']
] as const) {
	test(`the ${slug} start page on a ${width} px phone: wordmark, one-line banner and header, no overflow`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		await visit(page, `/${slug}`);
		await expect(page.locator('.site-header .brand svg')).toHaveAttribute('aria-hidden', 'true');
		await expect(page.locator('.site-header .brand')).toHaveAccessibleName('Miteinander');
		await expectOneLineShell(page);
		await expectNoOverflow(page, width);
		await page.screenshot({ path: file, fullPage: true });
	});
}

test('public pages at 320 px are no wider than the screen, in German, Arabic, Persian and Ukrainian', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 320, height: 700 });
	// The finder: Arabic and Persian run right to left (an overflow shows on the left), Ukrainian
	// has long words; the offers' German values (“Gesellschaftliche Teilhabe”) sit beside the
	// terms. An event page has the shared term/value list (.facts) with long German values.
	const event = await page.request.get('/landshut/termine');
	const eventPath = /href="(\/landshut\/termine\/[0-9a-f-]{36})"/.exec(await event.text())?.[1];
	expect(eventPath, 'an event of the demo').toBeTruthy();
	for (const locale of ['', '/ar', '/fa', '/uk']) {
		for (const path of ['/landshut/angebote', '/landshut', eventPath]) {
			await page.goto(`${locale}${path}`);
			await expectOneLineShell(page);
			await expectNoOverflow(page, 320);
		}
	}
	// the network's logo stays on the start side, inside the screen
	await page.goto('/ar/landshut/angebote');
	const logo = (await page.locator('.tenant-band img').boundingBox())!;
	expect(logo.x).toBeGreaterThan(160);
	expect(logo.x + logo.width).toBeLessThanOrEqual(320);
});

test('German text is hyphenated by the page language; the favicon has a PNG fallback', async ({
	page
}) => {
	await page.goto('/landshut/angebote');
	expect(
		await page.evaluate(() => getComputedStyle(document.querySelector('main p')!).hyphens)
	).toBe('auto');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	const png = await page.request.get('/favicon.png');
	expect(png.headers()['content-type']).toBe('image/png');
	await expect(page.locator('link[rel="icon"][type="image/png"]')).toHaveAttribute(
		'href',
		/favicon\.png$/
	);
});

test('without JavaScript a filter change lands the visitor at the results', async ({ browser }) => {
	const page = await newNoScriptPage(browser);
	await page.setViewportSize({ width: 360, height: 780 });
	await page.goto('/landshut/angebote');
	await page.locator('details.facet summary').first().click();
	await page.locator('details.facet input[type="checkbox"]').first().check();
	await page.getByRole('button', { name: 'Angebote anzeigen' }).click();
	await expect(page).toHaveURL(/\/landshut\/angebote\?.*#results$/);
	await expect(page.locator('#results-title')).toBeInViewport();
});

test('the public header carries the network’s accent colour', async ({ page }) => {
	await page.goto('/landshut');
	const band = page.locator('.tenant-band');
	await expect(band).toHaveCSS('background-color', 'rgb(165, 30, 34)');
	await expect(band.getByRole('link', { name: 'Stadt Landshut' })).toHaveAttribute(
		'href',
		'/landshut'
	);
});
