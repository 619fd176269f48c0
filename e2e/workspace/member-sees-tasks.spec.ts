import { ACCOUNTS, expect, signedInPage, test, visit } from '../fixtures';

test('a member’s start page shows their action item and leads to it', async ({ browser }) => {
	const page = await signedInPage(browser, ACCOUNTS.memberLandshut);
	await visit(page, '/app/landshut');
	const mine = page.getByRole('region', { name: /^Meine Aufgaben/ });
	const title = 'Gespräch mit dem Modellprojekt über eine Übertragung nach Landshut führen';
	await expect(mine).toContainText('überfällig seit');
	await expect(page.getByRole('region', { name: /^Änderungen zur Prüfung/ })).toHaveCount(0);

	await mine.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/aufgaben#task-[0-9a-f-]{36}$/);
	const id = new URL(page.url()).hash;
	await expect(page.locator(id)).toContainText(title);
});

test('an editor’s start page shows their organisation’s offer to confirm and leads to it', async ({
	browser
}) => {
	const page = await signedInPage(browser, ACCOUNTS.editorLandshut);
	await visit(page, '/app/landshut');
	const offers = page.getByRole('region', { name: /^Angebote zur Bestätigung/ });
	await offers.getByRole('link', { name: 'Fest der Begegnung zur Interkulturellen Woche' }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/angebote\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Fest der Begegnung zur Interkulturellen Woche'
	);
});
