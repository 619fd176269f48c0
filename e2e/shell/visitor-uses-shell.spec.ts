// The page shell as an anonymous visitor meets it: structure for assistive technology, the
// language switch (also without JavaScript), small screens, health check and security headers.
import { expect, expectAccessible, newNoScriptPage, test, visit } from '../fixtures';

const PUBLIC_PAGES = [
	'/',
	'/landshut',
	'/landkreis-freising',
	'/emmerich',
	'/barrierefreiheit',
	'/impressum',
	'/datenschutz',
	'/landshut/impressum',
	'/landshut/datenschutz',
	'/landshut/barrierefreiheit',
	'/anmelden'
];

for (const path of PUBLIC_PAGES) {
	test(`${path} has one h1, a skip link, landmarks and a language`, async ({ page }) => {
		const response = await visit(page, path);
		expect(response?.status()).toBe(200);

		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.getByRole('banner')).toHaveCount(1);
		await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
		await expect(page.getByRole('main')).toHaveCount(1);
		await expect(page.getByRole('contentinfo')).toHaveCount(1);
		await expect(page.getByRole('main')).toHaveAttribute('id', 'main');

		// The skip link is the first thing the keyboard reaches and moves the focus to the content.
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
		await expect(skip).toBeFocused();
		await expect(skip).toHaveAttribute('href', '#main');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main')).toBeFocused();
	});
}

test('without JavaScript, the language menu leads to the same page in another language, whose links stay in it', async ({
	browser
}) => {
	const page = await newNoScriptPage(browser);
	await visit(page, '/landshut');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');

	await page.locator('summary', { hasText: 'Sprache' }).click();
	await page.locator('.lang-menu').getByRole('link', { name: 'English', exact: true }).click();
	await expect(page).toHaveURL('/en/landshut');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText('Sign in');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute(
		'href',
		'#main'
	);
	await expectAccessible(page);

	await page.locator('summary', { hasText: 'Language' }).click();
	await page.locator('.lang-menu').getByRole('link', { name: 'Deutsch', exact: true }).click();
	await expect(page).toHaveURL('/landshut');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toContainText('Anmelden');
	await expectAccessible(page);
	await page.context().close();
});

test.describe('at 320 CSS pixels width', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	for (const path of PUBLIC_PAGES) {
		test(`${path} needs no horizontal scrolling`, async ({ page }) => {
			await visit(page, path);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth, `scroll width of ${path}`).toBeLessThanOrEqual(320);
		});
	}
});

test('/healthz answers 200 with JSON', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(await response.json()).toEqual({ status: 'ok' });
});

test('pages send a Content-Security-Policy without inline scripts', async ({ request }) => {
	for (const path of ['/', '/anmelden']) {
		const response = await request.get(path);
		const csp = response.headers()['content-security-policy'];
		expect(csp, `CSP header on ${path}`).toBeTruthy();
		const directives = new Map(
			csp.split(';').map((d) => {
				const [name, ...values] = d.trim().split(/\s+/);
				return [name, values] as const;
			})
		);
		const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
		expect(scriptSrc, `script-src on ${path}`).toBeTruthy();
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
		expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
	}
});

test('an unprefixed page varies by the visitor’s language, a prefixed one by its address', async ({
	request
}) => {
	const german = await request.get('/landshut', { headers: { 'accept-language': 'ar' } });
	expect(german.headers()['vary'] ?? '').toMatch(/Accept-Language/i);
	expect(german.headers()['vary'] ?? '').toMatch(/Cookie/i);
	const arabic = await request.get('/ar/landshut');
	expect(arabic.status()).toBe(200);
	expect(arabic.headers()['vary'] ?? '').not.toMatch(/Accept-Language/i);
});
