// After an invitation, the coordinator finds it in the tenant's audit log and filters by action.
import {
	ACCOUNTS,
	expect,
	expectAccessible,
	invitePerson,
	signInAs,
	test,
	uniqueEmail,
	visit
} from '../fixtures';

test('the coordinator sees the invitation in the audit log and filters by action', async ({
	page
}) => {
	const invitee = { name: 'Selin Kaya', email: uniqueEmail('selin') };
	await signInAs(page, ACCOUNTS.coordinatorLandshut);
	await invitePerson(page, 'landshut', invitee);

	await visit(page, '/app/landshut/aenderungen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Änderungsprotokoll – Stadt Landshut'
	);
	const rows = page.getByRole('table').getByRole('row').filter({ has: page.locator('td') });
	const entry = rows.filter({ hasText: 'invitation.create' }).first();
	await expect(entry).toContainText('Integrationsbeauftragte Landshut');
	await expect(entry).toContainText('invitation');

	const actions = page.getByRole('search', { name: 'Filtern' });
	await actions.getByLabel('Aktion').selectOption('invitation.create');
	await actions.getByRole('button', { name: 'Filtern' }).click();
	await expect(page).toHaveURL(/[?&]action=invitation\.create(&|$)/);
	await expect(page.getByRole('search').getByLabel('Aktion')).toHaveValue('invitation.create');
	await expectAccessible(page);
	await expect(rows.first()).toBeVisible();
	for (const action of await rows.locator('td:nth-child(3)').allInnerTexts()) {
		expect(action.trim()).toBe('invitation.create');
	}

	await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
	await expect(page).toHaveURL('/app/landshut/aenderungen');
	await expect(page.getByRole('search').getByLabel('Aktion')).toHaveValue('');
	await expectAccessible(page);
});
