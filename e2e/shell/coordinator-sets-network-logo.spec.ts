// The network's logo in its public header (issue 13, item 9): the coordinator uploads it on the
// settings page (a file that is no PNG, JPEG or WebP is refused, the alt text kept), a visitor
// sees it beside the network's name, also on a 320 px phone in Arabic; removing it restores the
// header. Gifhorn has no demo logo, so the spec ends where it started.
import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNTS, expect, expectAccessible, signedInPage, test, visit } from '../fixtures';

const PNG = fs.readFileSync(
	path.resolve(import.meta.dirname, '../../src/lib/server/demo/assets/landshut-logo.png')
);
const ALT = 'Logo: Netzwerk Integration Gifhorn';

test('the coordinator uploads the network’s logo and a visitor sees it in the header', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
	await visit(coordinator, '/app/landkreis-gifhorn/einstellungen');
	await expect(coordinator.getByText('Es ist noch kein Logo hochgeladen.')).toBeVisible();

	// an SVG with a script, named and declared as PNG, is refused; the alt text stays
	await coordinator.getByLabel('Bilddatei').setInputFiles({
		name: 'logo.png',
		mimeType: 'image/png',
		buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
	});
	await coordinator.getByLabel('Alternativtext').fill(ALT);
	await coordinator.getByRole('button', { name: 'Logo speichern' }).click();
	await expect(
		coordinator.locator('.field-error', { hasText: /PNG, JPEG oder WebP hoch \(kein SVG\)/ })
	).toBeVisible();
	await expect(coordinator.getByLabel('Alternativtext')).toHaveValue(ALT);
	await expectAccessible(coordinator);

	await coordinator
		.getByLabel('Bilddatei')
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
	await coordinator.getByRole('button', { name: 'Logo speichern' }).click();
	await expect(coordinator.getByText('Das Logo wurde gespeichert.')).toBeVisible();
	await expect(coordinator.getByText('Ein Logo ist hochgeladen')).toBeVisible();

	await visit(page, '/landkreis-gifhorn');
	const logo = page.locator('.tenant-band img');
	await expect(logo).toHaveAttribute('alt', ALT);
	await expect(logo).toBeVisible();
	expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
	await expect(page.locator('.tenant-band').getByRole('link')).toHaveAccessibleName(
		`${ALT} Landkreis Gifhorn`
	);
	await expectAccessible(page);

	const src = (await logo.getAttribute('src'))!;
	expect(src).toMatch(/^\/landkreis-gifhorn\/logo\?v=[0-9a-f]{16}$/);
	const served = await page.request.get(src);
	expect(served.status()).toBe(200);
	expect(served.headers()['content-type']).toBe('image/png');
	expect(served.headers()['x-content-type-options']).toBe('nosniff');
	expect(served.headers()['cache-control']).toContain('immutable');
	expect(Buffer.compare(await served.body(), PNG)).toBe(0);
	const etag = served.headers()['etag'];
	const again = await page.request.get('/landkreis-gifhorn/logo', {
		headers: { 'If-None-Match': etag }
	});
	expect(again.status()).toBe(304);

	// on the narrowest phone, right to left: the logo stays inside the screen
	await page.setViewportSize({ width: 320, height: 700 });
	await visit(page, '/ar/landkreis-gifhorn');
	const box = (await page.locator('.tenant-band img').boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(320);
	expect(box.height).toBeLessThanOrEqual(32);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

	// removing it restores the header without a logo
	await visit(coordinator, '/app/landkreis-gifhorn/einstellungen');
	await coordinator.getByRole('button', { name: 'Logo entfernen' }).click();
	await expect(coordinator.getByText('Das Logo wurde entfernt.')).toBeVisible();
	// the page's other named forms answer too: a too light accent colour is refused and kept
	await coordinator.getByLabel('Akzentfarbe').fill('#ffff00');
	await coordinator.getByRole('button', { name: 'Farbe speichern' }).click();
	await expect(
		coordinator.locator('.field-error', { hasText: /Diese Farbe ist zu hell/ })
	).toBeVisible();
	await expect(coordinator.getByLabel('Akzentfarbe')).toHaveValue('#ffff00');
	await coordinator.context().close();
	await visit(page, '/landkreis-gifhorn');
	await expect(page.locator('.tenant-band img')).toHaveCount(0);
	expect((await page.request.get('/landkreis-gifhorn/logo')).status()).toBe(404);
});
