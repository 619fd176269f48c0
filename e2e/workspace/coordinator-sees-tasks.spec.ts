import { ACCOUNTS, expect, signedInPage, test, visit } from '../fixtures';

test('the coordinator’s start page lists the open tasks and leads straight to them', async ({
	browser
}) => {
	const page = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(page, '/app/landshut');
	await expect(page.getByRole('heading', { level: 2, name: 'Was ansteht' })).toBeVisible();

	// The citizen's message due tomorrow heads its section.
	const messages = page.getByRole('region', { name: /^Anliegen von Bürger:innen/ });
	const message = messages.getByRole('link', { name: /Sprachkurs mit Kinderbetreuung/ });
	await expect(messages.getByRole('listitem').first()).toContainText(
		'Sprachkurs mit Kinderbetreuung'
	);
	await expect(messages).toContainText('fällig am');

	// (The demo's proposal waiting for review is consumed by the offers spec, which approves a
	// change to the same offer; workspace/demo-tasks.db.test.ts covers it on a fresh demo.)

	// The rest of the area stays reachable.
	await expect(page.getByRole('link', { name: 'Gremien' }).first()).toBeVisible();

	await message.click();
	await expect(page).toHaveURL(/\/app\/landshut\/anliegen\/[0-9a-f-]{36}$/);
	await expect(page.getByText('Sprachkurs mit Kinderbetreuung').first()).toBeVisible();
});
