import { expect, test, visit } from '../fixtures';

test.use({ viewport: { width: 360, height: 780 } });

/** Waits until the service worker controls the page and has saved the network's pages. */
async function waitUntilSaved(page: import('@playwright/test').Page, base: string) {
	await expect(page.locator('html')).toHaveAttribute('data-offline-ready', base, {
		timeout: 30_000
	});
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after one visit the Arabic finder works offline: offers, an offer with its contact, the date of the data; sending needs a connection', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await visit(page, '/ar/landshut/angebote');
	// installable: the manifest in the visitor's language
	const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(manifestHref).toBe('/ar/landshut/manifest.webmanifest');
	const manifest = await (await page.request.get(manifestHref!)).json();
	expect(manifest).toMatchObject({ start_url: '/ar/landshut', lang: 'ar', display: 'standalone' });
	// online the offline note stays hidden
	await expect(page.locator('[data-offline-note]')).toBeHidden();
	await waitUntilSaved(page, '/ar/landshut');
	const firstOffer = page.locator('.offer-list > li h3 a').first();
	const offerTitle = (await firstOffer.innerText()).trim();

	await context.setOffline(true);
	await page.reload();
	await expect(page).toHaveURL(/\/ar\/landshut\/angebote$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	const note = page.locator('[data-offline-note]');
	await expect(note).toBeVisible();
	await expect(note).toContainText('أنت غير متصل بالإنترنت');
	await expect(note).toContainText('آخر تحديث:');
	// find the offer and open it (saved with the finder)
	await page.getByRole('link', { name: offerTitle }).first().click();
	await expect(page).toHaveURL(/\/ar\/landshut\/angebote\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(offerTitle);
	await expect(page.locator('section.contact')).toBeVisible();
	await expect(page.locator('[data-offline-note]')).toContainText('آخر تحديث:');
	// the page keeps its look (the stylesheet was saved too)
	expect(
		await page.evaluate(
			() => getComputedStyle(document.querySelector('.offline-note')!).borderStyle
		)
	).toBe('solid');

	// the message form says that sending needs a connection …
	await page.goto('/ar/landshut/anliegen');
	await expect(page.locator('[data-offline-note]')).toContainText(
		'لإرسال رسالة أو نموذج تحتاج إلى اتصال بالإنترنت.'
	);
	// … and sending it offline leads to the offline page in Arabic
	const form = page.locator('form:has(textarea[name="body"])');
	await form.locator('input[name="kind"]').first().check();
	await form.locator('textarea[name="body"]').fill('هل يوجد دورة لغة في المساء؟');
	await form.locator('input[name="consent"]').check();
	await form.locator('button[type="submit"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('لا يوجد اتصال بالإنترنت');
	await expect(page.getByRole('link', { name: 'إلى العروض المحفوظة' })).toHaveAttribute(
		'href',
		'/ar/landshut/angebote'
	);

	// a page never saved: the offline page too
	await page.goto('/ar/landshut/gremien');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('لا يوجد اتصال بالإنترنت');

	await context.setOffline(false);
});

test("the network's pages are saved on the first visit; sign-in and signed-in pages never", async ({
	page,
	context
}) => {
	await visit(page, '/landshut');
	await waitUntilSaved(page, '/landshut');
	const saved = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
	expect(saved).toEqual(
		expect.arrayContaining([
			'/landshut',
			'/landshut/angebote',
			'/landshut/anliegen',
			'/landshut/offline'
		])
	);
	expect(saved.some((p) => /^\/landshut\/angebote\/[0-9a-f-]{36}$/.test(p))).toBe(true);
	expect(saved.filter((p) => /^\/(app|admin|konto|anmelden)/.test(p))).toEqual([]);
	// offline, the sign-in page is not answered from a saved copy
	await context.setOffline(true);
	const failed = await page.goto('/anmelden').then(
		() => null,
		(error: Error) => error.message
	);
	expect(failed).toMatch(/ERR_INTERNET_DISCONNECTED/);
	await context.setOffline(false);
});
