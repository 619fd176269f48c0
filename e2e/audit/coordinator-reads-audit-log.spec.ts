// After invitations, the coordinator finds them in the tenant's audit log and filters by action.
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
	const invited = { name: 'Selin Kaya', email: uniqueEmail('selin') };
	const revoked = { name: 'Tomasz Nowak', email: uniqueEmail('tomasz') };
	await signInAs(page, ACCOUNTS.coordinatorLandshut);
	await invitePerson(page, 'landshut', invited);
	await invitePerson(page, 'landshut', revoked);
	await page.getByRole('button', { name: `Einladung an ${revoked.email} zurückziehen` }).click();
	await expect(page.getByRole('status')).toHaveText('Die Einladung wurde zurückgezogen.');
	await expectAccessible(page);

	await visit(page, '/app/landshut/aenderungen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Änderungsprotokoll – Stadt Landshut'
	);
	const rows = page
		.getByRole('table')
		.getByRole('row')
		.filter({ has: page.locator('td') });
	// invitation.create, shown with its readable name
	const created = rows.filter({ hasText: invited.email });
	await expect(created).toHaveCount(1);
	await expect(created).toContainText('Einladung versendet');
	await expect(created).toContainText('Integrationsbeauftragte Landshut');
	await expect(rows.filter({ hasText: 'Einladung zurückgezogen' }).first()).toBeVisible();

	const filters = page.getByRole('search', { name: 'Filtern' });
	await filters.getByLabel('Aktion').selectOption('invitation.create');
	await filters.getByRole('button', { name: 'Filtern' }).click();
	await expect(page).toHaveURL(/[?&]action=invitation\.create(&|$)/);
	await expect(filters.getByLabel('Aktion')).toHaveValue('invitation.create');
	await expectAccessible(page);
	await expect(rows.filter({ hasText: invited.email })).toHaveCount(1);
	await expect(rows.filter({ hasText: 'Einladung zurückgezogen' })).toHaveCount(0);
	expect(await rows.count()).toBe(await rows.filter({ hasText: 'Einladung versendet' }).count());

	await filters.getByLabel('Aktion').selectOption('invitation.revoke');
	await filters.getByRole('button', { name: 'Filtern' }).click();
	await expect(page).toHaveURL(/[?&]action=invitation\.revoke(&|$)/);
	await expectAccessible(page);
	await expect(rows.filter({ hasText: 'Einladung zurückgezogen' }).first()).toBeVisible();
	await expect(rows.filter({ hasText: 'Einladung versendet' })).toHaveCount(0);
	await expect(rows.filter({ hasText: invited.email })).toHaveCount(0);

	await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/aenderungen\??$/);
	await expect(filters.getByLabel('Aktion')).toHaveValue('');
	await expect(rows.filter({ hasText: invited.email })).toHaveCount(1);
	await expectAccessible(page);
});
