// The signed-in pages on a phone: at 320 CSS pixels (WCAG 1.4.10 Reflow) the page itself does not
// scroll sideways; wide tables scroll inside their own box.
import { ACCOUNTS, expect, signInAs, test, visit } from '../fixtures';

test.use({ viewport: { width: 320, height: 640 } });

test('the coordinator’s pages need no horizontal scrolling at 320 px', async ({ page }) => {
	await signInAs(page, ACCOUNTS.coordinatorLandshut);
	for (const path of [
		'/app',
		'/app/landshut',
		'/app/landshut/personen',
		'/app/landshut/aenderungen',
		'/konto'
	]) {
		await visit(page, path);
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect.soft(scrollWidth, `scroll width of ${path}`).toBeLessThanOrEqual(320);
	}
});
