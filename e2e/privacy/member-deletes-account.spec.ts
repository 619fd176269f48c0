// A member deletes their own account (GDPR Art. 17): invited for this test (so no demo account
// goes), they read what is deleted and kept, get a message for a missing confirmation, confirm
// with their password, and are signed out; the old password no longer signs in, and the
// coordinator's people list no longer names them. A last coordinator is told to name a successor.
import {
	ACCOUNTS,
	expect,
	expectAccessible,
	invitePerson,
	readInvitationLink,
	signInAs,
	test,
	uniqueEmail,
	visit
} from '../fixtures';

test('a member deletes their own account and is gone from the network', async ({
	page,
	browser
}) => {
	const invitee = { name: 'Lena Löschbar', email: uniqueEmail('lena') };
	const password = 'Kirschbaum-am-Fluss-17';

	await signInAs(page, ACCOUNTS.coordinatorLandshut);
	await invitePerson(page, 'landshut', invitee);
	const link = await readInvitationLink(browser, invitee.email);

	const person = await (await browser.newContext()).newPage();
	await visit(person, link);
	await person.getByLabel('Neues Passwort').fill(password);
	await person.getByLabel('Passwort wiederholen').fill(password);
	await person.getByRole('button', { name: 'Konto einrichten' }).click();
	await expect(person).toHaveURL('/app/landshut');

	await test.step('the account page explains what is deleted and what is kept', async () => {
		await visit(person, '/konto');
		const section = person.getByRole('region', { name: 'Konto löschen' });
		await expect(section).toContainText('Art. 17 DSGVO');
		await expect(section).toContainText('In genehmigten Protokollen steht Ihr Name weiter');
		await expect(section).toContainText('Pseudonym');
		await expectAccessible(person);
	});

	await test.step('without the confirmation box nothing happens', async () => {
		const section = person.getByRole('region', { name: 'Konto löschen' });
		await section.getByLabel('Ihr Passwort zur Bestätigung').fill(password);
		await section.getByRole('button', { name: 'Konto endgültig löschen' }).click();
		await expect(person.getByRole('alert')).toContainText(
			'Bitte bestätigen Sie, dass Sie Ihr Konto endgültig löschen möchten.'
		);
		await expect(person).toHaveURL(/\/konto/);
		await expectAccessible(person);
	});

	await test.step('with password and confirmation the account is deleted', async () => {
		const section = person.getByRole('region', { name: 'Konto löschen' });
		await section.getByLabel('Ihr Passwort zur Bestätigung').fill(password);
		await section.getByLabel('Ich möchte mein Konto endgültig löschen.').check();
		await section.getByRole('button', { name: 'Konto endgültig löschen' }).click();
		await expect(person).toHaveURL('/abmelden?done&geloescht');
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Konto gelöscht');
		await expect(person.getByRole('status')).toContainText('Ihr Konto ist gelöscht');
		await expectAccessible(person);
		// the session has ended
		await visit(person, '/konto');
		await expect(person).toHaveURL(/\/anmelden\?next=/);
	});

	await test.step('the old password signs in no more; the network no longer lists the person', async () => {
		const response = await person.request.post('/anmelden', {
			form: { email: invitee.email, password, next: '' },
			headers: { origin: new URL(test.info().project.use.baseURL!).origin },
			maxRedirects: 0
		});
		expect(response.status()).not.toBe(303);
		await visit(page, '/app/landshut/personen');
		await expect(page.getByRole('main')).not.toContainText(invitee.name);
		await expect(page.getByRole('main')).not.toContainText(invitee.email);
	});
});

test('the last coordinator of a network is asked to name a successor first', async ({ page }) => {
	await signInAs(page, ACCOUNTS.coordinatorFreising);
	await visit(page, '/konto');
	const section = page.getByRole('region', { name: 'Konto löschen' });
	await expect(section).toContainText('braucht dieses Netzwerk eine weitere Koordinator:in');
	await expect(section.getByRole('button', { name: 'Konto endgültig löschen' })).toHaveCount(0);
});
