import { ACCOUNTS, expect, signedInPage, test, visit } from '../fixtures';

test('the speaker’s start page shows the next meeting’s agenda to prepare and leads to it', async ({
	browser
}) => {
	const page = await signedInPage(browser, ACCOUNTS.speakerLandshut);
	await visit(page, '/app/landshut');
	const agenda = page.getByRole('region', { name: /^Tagesordnung vorbereiten/ });
	const next = agenda.getByRole('link', { name: 'Netzwerk Integration Landshut' });
	await expect(next).toBeVisible();
	await expect(agenda).toContainText('Sitzung am');
	// a speaker is not a coordinator: no review queue, no citizens' messages
	await expect(page.getByRole('region', { name: /^Änderungen zur Prüfung/ })).toHaveCount(0);
	await expect(page.getByRole('region', { name: /^Anliegen von Bürger:innen/ })).toHaveCount(0);

	await next.click();
	await expect(page).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}\/tagesordnung$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Netzwerk Integration Landshut'
	);
});
