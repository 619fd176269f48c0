// Deleting one's own account (GDPR Art. 17) from the account page: the explanation of what goes
// and what is kept, the refusal without the confirmation box, and the last coordinator told to
// name a successor first. (The deletion itself is covered by privacy/erase.db.test.ts.)
import {
	ACCOUNTS,
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	signInAs,
	test,
	visit
} from '../fixtures';

test('a member reads what deleting the account removes and keeps, and must confirm it', async ({
	page
}) => {
	await signInAs(page, ACCOUNTS.memberLandshut);
	await visit(page, '/konto');
	const section = page.getByRole('region', { name: 'Konto löschen' });
	await expect(section).toContainText('Art. 17 DSGVO');
	await expect(section).toContainText('In genehmigten Protokollen steht Ihr Name weiter');
	await expect(section).toContainText('Pseudonym');
	await expectAccessible(page);

	// without the confirmation box nothing happens (the account stays signed in)
	await section.getByLabel('Ihr Passwort zur Bestätigung').fill(DEMO_PASSWORD);
	await section.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Bitte bestätigen Sie, dass Sie Ihr Konto endgültig löschen möchten.'
	);
	await expectAccessible(page);
	await visit(page, '/konto');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
});

test('the last coordinator of a network is asked to name a successor first', async ({ page }) => {
	await signInAs(page, ACCOUNTS.coordinatorFreising);
	await visit(page, '/konto');
	const section = page.getByRole('region', { name: 'Konto löschen' });
	await expect(section).toContainText('braucht dieses Netzwerk eine weitere Koordinator:in');
	await expect(section.getByRole('button', { name: 'Konto endgültig löschen' })).toHaveCount(0);
});
