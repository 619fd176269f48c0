import { ACCOUNTS, expect, signedInPage, test, visit } from '../fixtures';

const OFFER = 'Sprachcafé „Miteinander reden“';

test('every offer card says how to get in touch; an offer without its own contact leads to the coordination office', async ({
	page
}) => {
	await visit(page, '/landshut/angebote');
	const cards = page.locator('.offer-list > li');
	const count = await cards.count();
	expect(count).toBeGreaterThan(5);
	// one way to get in touch on each card, said in words
	await expect(page.locator('.offer-list > li [data-contact-source]')).toHaveCount(count);
	await expect(page.getByText(/keine Kontaktdaten/)).toHaveCount(0);

	// the offer (by its words, wherever the list's order puts it)
	await visit(page, `/landshut/angebote?q=${encodeURIComponent('Sprachcafé Miteinander reden')}`);
	await page.getByRole('link', { name: OFFER, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: OFFER })).toBeVisible();
	const contact = page.locator('section.contact');
	await expect(
		contact.getByText('Kontakt über die Koordinierungsstelle Stadt Landshut')
	).toBeVisible();
	await expect(contact.getByRole('link', { name: 'integration@landshut.example' })).toHaveAttribute(
		'href',
		'mailto:integration@landshut.example'
	);
	await expect(
		contact.getByRole('link', { name: 'Nachricht an die Koordinierungsstelle schreiben' })
	).toHaveAttribute('href', '/landshut/anliegen');

	// the place links to OpenStreetMap's search: a plain link, opened normally
	const osm = page.getByRole('link', {
		name: /Begegnungsraum der Interkulturellen Initiative.*OpenStreetMap/
	});
	await expect(osm).toHaveAttribute(
		'href',
		'https://www.openstreetmap.org/search?query=' +
			encodeURIComponent('Begegnungsraum der Interkulturellen Initiative, 84028 Landshut')
	);
	await expect(osm).toHaveAttribute('rel', /noopener/);
	await expect(osm).not.toHaveAttribute('target', /.+/);
	await expect(page.getByText(/keine Kontaktdaten/)).toHaveCount(0);
	await visit(page, page.url());
});

test('the coordinator works through the offers whose contact falls back; a member does not see the list', async ({
	browser
}) => {
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/angebote');
	await coordinator.getByRole('link', { name: 'Angebote ohne eigene Ansprechperson' }).click();
	await expect(coordinator).toHaveURL(/\/app\/landshut\/angebote\/kontakt$/);
	await visit(coordinator, coordinator.url());
	const row = coordinator.getByRole('row').filter({ hasText: OFFER });
	await expect(row).toContainText('Koordinierungsstelle');
	await row.getByRole('link', { name: OFFER }).click();
	await expect(coordinator).toHaveURL(/\/app\/landshut\/angebote\/[0-9a-f-]{36}$/);

	const member = await signedInPage(browser, ACCOUNTS.memberLandshut);
	await visit(member, '/app/landshut/angebote');
	await expect(
		member.getByRole('link', { name: 'Angebote ohne eigene Ansprechperson' })
	).toHaveCount(0);
	const response = await member.goto('/app/landshut/angebote/kontakt');
	expect(response?.status()).toBe(404);
});
