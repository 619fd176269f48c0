import { ACCOUNTS, expect, signInAs, test, visit } from '../fixtures';

test('a member spreads points over proposed measures and sees the ranking', async ({ page }) => {
	await signInAs(page, ACCOUNTS.memberLandshut);
	await visit(page, '/app/landshut');
	await page.getByRole('link', { name: 'Integrationskonzept' }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/konzept$/);
	await visit(page, page.url());
	await page
		.getByRole('navigation', { name: 'Integrationskonzept' })
		.getByRole('link', { name: 'Priorisierung' })
		.click();
	await expect(page).toHaveURL(/priorisierung$/);
	await visit(page, page.url());
	await page.getByRole('link', { name: 'Punktabfrage beim Netzwerktreffen' }).click();
	await expect(page).toHaveURL(/priorisierung\/[0-9a-f-]{36}$/);
	await visit(page, page.url());
	await expect(page.getByText('Verteilen Sie bis zu 5 Punkte. Bisher vergeben: 0.')).toBeVisible();

	// too many points: nothing is saved, the input is kept
	await page.getByLabel('Ankommenstreffpunkte bekannter machen').fill('4');
	await page.getByLabel('Sprachpatenschaften mit Ehrenamtlichen').fill('2');
	await page.getByRole('button', { name: 'Punkte speichern' }).click();
	await expect(page.getByText('Sie haben mehr Punkte vergeben, als Ihnen zustehen.')).toBeVisible();
	await expect(page.getByLabel('Ankommenstreffpunkte bekannter machen')).toHaveValue('4');
	await expect(page.getByTestId('ranking').getByRole('row').nth(1)).toContainText(
		'Sprachcafés in allen Stadtteilen'
	);

	await page.getByLabel('Sprachpatenschaften mit Ehrenamtlichen').fill('1');
	await page.getByRole('button', { name: 'Punkte speichern' }).click();
	await expect(page.getByText('Ihre Punkte wurden gespeichert.')).toBeVisible();
	await expect(page.getByText('Bisher vergeben: 5.')).toBeVisible();
	const first = page.getByTestId('ranking').getByRole('row').nth(1);
	await expect(first).toContainText('Ankommenstreffpunkte bekannter machen');
	await expect(first).toContainText('4');
	await expect(page.getByText('2 Teilnehmende')).toBeVisible();
	await visit(page, page.url());
	// a member cannot manage the round
	await expect(page.getByRole('button', { name: 'Abfrage schließen' })).toHaveCount(0);
});
