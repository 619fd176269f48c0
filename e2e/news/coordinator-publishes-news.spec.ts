import { ACCOUNTS, expect, expectAccessible, signedInPage, test, visit } from '../fixtures';

test('the coordinator writes news with formatting, previews and publishes it; a visitor reads it and finds the feed', async ({
	browser,
	page
}) => {
	const title = `Sprachcafé öffnet am Samstag ${Date.now().toString(36)}`;
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/neuigkeiten');
	await coordinator.getByRole('link', { name: 'Neuigkeit schreiben' }).click();
	await coordinator.getByLabel(/^Titel/).fill(title);
	await coordinator
		.getByLabel(/^Text/)
		.fill(
			'<h2>Was Sie erwartet</h2><p>Gespräche <strong>auf Deutsch</strong> in entspannter Runde.</p><ul><li>Kaffee</li><li>Kuchen</li></ul><p><a href="javascript:alert(1)" onclick="alert(2)">Klick</a></p><script>alert(3)</script>'
		);
	await coordinator.getByRole('button', { name: 'Als Entwurf speichern' }).click();
	await expect(coordinator.getByText('Die Neuigkeit wurde gespeichert.')).toBeVisible();
	await expect(coordinator.getByText('Entwurf', { exact: true })).toBeVisible();
	await expectAccessible(coordinator);

	// preview: as the public will see it, sanitised
	await coordinator.getByRole('link', { name: 'Vorschau' }).click();
	await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		coordinator.getByRole('heading', { level: 2, name: 'Was Sie erwartet' })
	).toBeVisible();
	await expect(coordinator.locator('.news-body strong')).toHaveText('auf Deutsch');
	await expect(coordinator.locator('.news-body li')).toHaveCount(2);
	await expect(coordinator.locator('.news-body script')).toHaveCount(0);
	await expect(coordinator.locator('.news-body [onclick]')).toHaveCount(0);
	await expect(coordinator.locator('.news-body a[href^="javascript"]')).toHaveCount(0);
	await expectAccessible(coordinator);

	// not public before publishing
	await visit(page, '/landshut/neuigkeiten');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);

	await coordinator.getByRole('link', { name: 'Zurück zur Bearbeitung' }).click();
	await coordinator.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(coordinator.getByText(/Die Neuigkeit ist freigegeben/)).toBeVisible();
	await coordinator.context().close();

	// the visitor
	await visit(page, '/landshut/neuigkeiten');
	const feedLink = page.getByRole('link', { name: 'Neuigkeiten als Feed abonnieren (Atom)' });
	await expect(feedLink).toHaveAttribute('href', '/landshut/neuigkeiten.atom');
	await expect(
		page.locator('head link[rel="alternate"][type="application/atom+xml"]')
	).toHaveAttribute('href', '/landshut/neuigkeiten.atom');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Was Sie erwartet' })).toBeVisible();
	await expect(page.locator('.news-body script')).toHaveCount(0);
	await expectAccessible(page);

	const feed = await page.request.get('/landshut/neuigkeiten.atom');
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	expect(await feed.text()).toContain(title);

	// the start page shows it among the latest news
	await visit(page, '/landshut');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});
