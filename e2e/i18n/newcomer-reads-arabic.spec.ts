import { expect, newNoScriptPage, test, visit } from '../fixtures';

/**
 * Issue 12: a newcomer with a phone and no JavaScript reads the Landshut pages in Arabic, finds a
 * German course and opens it; the page is right to left, every link stays in Arabic and nothing
 * overflows the narrow screen.
 */
test('a newcomer reads the Landshut finder in Arabic on a phone without JavaScript', async ({
	browser
}) => {
	const page = await newNoScriptPage(browser);
	await page.setViewportSize({ width: 360, height: 740 });

	const start = await visit(page, '/ar/landshut');
	expect(start?.status()).toBe(200);
	const html = page.locator('html');
	await expect(html).toHaveAttribute('lang', 'ar');
	await expect(html).toHaveAttribute('dir', 'rtl');

	async function linksStayInArabic() {
		const paths = await page
			.locator('a[href^="/"]:not([hreflang]), form[action^="/"]')
			.evaluateAll((els) =>
				els.map((el) => el.getAttribute('href') ?? el.getAttribute('action') ?? '')
			);
		expect(paths.length).toBeGreaterThan(3);
		const leaving = paths.filter(
			(p) =>
				!/^\/ar(\/|$|\?)/.test(p) &&
				// the signed-in area and machine interfaces have no language; files (.ics, .pdf) neither
				!/^\/(app|konto|admin|sprache|abmelden|oparl)\b/.test(p) &&
				!/\.[a-z]{2,4}(\?|$)/.test(p)
		);
		expect(leaving, 'public links that left /ar/').toEqual([]);
	}
	async function fitsTheScreen() {
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
	}
	await linksStayInArabic();
	await fitsTheScreen();

	// to the finder by its link (rewritten to /ar/…), then search
	await page.locator('main a[href="/ar/landshut/angebote"]').first().click();
	await expect(page).toHaveURL(/\/ar\/landshut\/angebote$/);
	await expect(html).toHaveAttribute('dir', 'rtl');
	// the word people type: "Deutschkurs" finds the German courses (thesaurus)
	await page.locator('#finder-q').fill('Deutschkurs');
	await page.locator('#finder button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/ar\/landshut\/angebote\?.*q=Deutschkurs/);
	await linksStayInArabic();
	await fitsTheScreen();
	await page.screenshot({ path: 'e2e/screenshots/ar-finder-phone.png', fullPage: true });

	// the courses with an Arabic text read in Arabic
	const course = page.locator('.offer-list a[lang="ar"]').first();
	await expect(course).toBeVisible();
	const title = (await course.textContent())!.trim();
	await course.click();
	await expect(page).toHaveURL(/\/ar\/landshut\/angebote\/[^/?]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(html).toHaveAttribute('lang', 'ar');
	await expect(html).toHaveAttribute('dir', 'rtl');
	await linksStayInArabic();
	await fitsTheScreen();
	await visit(page, page.url());

	// the language menu names each language in itself and offers the same page in German
	const german = page.locator('.lang-menu a[hreflang="de"]');
	await expect(german).toHaveText('Deutsch');
	await expect(german).toHaveAttribute('href', /^\/landshut\/angebote\/[^/?]+$/);
	await expect(page.locator('.lang-menu a[hreflang="fa"]')).toHaveAttribute('dir', 'rtl');
});

test('an Arabic browser is offered the Arabic page; a message sent in Arabic leads to the status page in Arabic', async ({
	browser
}) => {
	// a browser set to Arabic, without JavaScript
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ar-SY' });
	const page = await context.newPage();

	// the German address stays German and suggests Arabic, in Arabic
	await page.goto('/landshut');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	const notice = page.locator('.lang-suggest');
	await expect(notice).toHaveAttribute('lang', 'ar');
	await expect(notice).toHaveAttribute('dir', 'rtl');
	await notice.getByRole('link').click();
	await expect(page).toHaveURL(/\/ar\/landshut$/);
	await expect(page.locator('.lang-suggest')).toHaveCount(0);

	// the message form: its action, the redirect after sending and the status page keep /ar/
	await page.goto('/ar/landshut/anliegen');
	await page.locator('input[name="kind"]').first().check();
	await page.locator('input[name="subject"]').fill('سؤال عن دورة اللغة');
	await page.locator('textarea[name="body"]').fill('هل توجد دورة لغة ألمانية في المساء؟');
	await page.locator('input[name="name"]').fill('Olga Beispiel');
	await page.locator('input[name="email"]').fill(`ar-${Date.now()}@e2e.example`);
	await page.locator('input[name="consent"]').check();
	// the spam guard rejects what comes back faster than a person fills in a form
	await page.waitForTimeout(3_500);
	await page.locator('main form[method="POST"] button[type="submit"]').last().click();
	await expect(page).toHaveURL(/\/ar\/landshut\/anliegen\/status\/[^/?]+\?neu=1$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await context.close();
});
