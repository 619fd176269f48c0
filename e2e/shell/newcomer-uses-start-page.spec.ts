import { expect, test, visit } from '../fixtures';

test.use({ viewport: { width: 360, height: 780 } });

test('on a phone, a newcomer finds search, topics, next events and news, and reaches an offer with a contact in two steps', async ({
	page
}) => {
	await visit(page, '/landshut');

	// the language choice comes first, each language named in itself
	const languages = page.getByRole('navigation', { name: 'Sprache wählen' });
	await expect(languages.getByRole('link', { name: 'العربية' })).toHaveAttribute(
		'href',
		'/ar/landshut'
	);
	await expect(languages.getByRole('link', { name: 'العربية' })).toHaveAttribute('dir', 'rtl');
	await expect(languages.getByRole('link', { name: 'Українська' })).toHaveAttribute('lang', 'uk');

	await expect(page.getByRole('searchbox', { name: 'Was suchen Sie?' })).toBeVisible();
	const tiles = page.locator('.topic-tiles a');
	await expect(tiles).toHaveCount(8);
	await expect(page.getByRole('link', { name: 'Sprachkurse' })).toHaveAttribute(
		'href',
		'/landshut/angebote?field=sprache'
	);
	await expect(page.getByRole('heading', { level: 2, name: 'Nächste Termine' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Interkulturelle Woche Landshut' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Neuigkeiten' })).toBeVisible();
	await expect(
		page.getByRole('link', {
			name: 'Netzwerk Integration startet gemeinsame Öffentlichkeitsarbeit'
		})
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'integration@landshut.example' }).first()
	).toBeVisible();
	// what professionals need is one click away, further down, with the municipality key
	const professionals = page.locator('section.start-professionals');
	await expect(professionals.getByRole('link', { name: 'Gremien' })).toBeVisible();
	await expect(professionals).toContainText('09261000');

	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth).toBeLessThanOrEqual(360);
	await page.screenshot({ path: 'e2e/screenshots/landshut-start-phone.png', fullPage: true });

	// step 1: a topic; step 2: an offer, which says how to get in touch
	await page.getByRole('link', { name: 'Sprachkurse' }).click();
	await page.locator('.offer-list > li h3 a').first().click();
	await expect(page.locator('section.contact')).toBeVisible();
	await expect(
		page
			.locator(
				'section.contact a[href^="mailto:"], section.contact a[href^="tel:"], section.contact a[href$="/anliegen"]'
			)
			.first()
	).toBeVisible();
});

test('actor cards lead to the public organisation page with offers and contact', async ({
	page
}) => {
	await visit(page, '/landshut');
	await page.locator('#h-orgs ~ ul.cards a').first().click();
	await expect(page).toHaveURL(/\/landshut\/organisationen\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Kontakt' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Angebote' })).toBeVisible();
	await visit(page, page.url());
});
