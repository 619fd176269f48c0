// Deleting one's own account (GDPR Art. 17) from the account page: the explanation of what goes
// and what is kept, the refusal without the confirmation box, the last coordinator told to
// name a successor first, and a deletion to the end (privacy/erase.db.test.ts covers each
// domain's share in detail).
import {
	ACCOUNTS,
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	signedInPage,
	signInAs,
	test,
	visit
} from '../fixtures';

/** The demo person no other spec uses (demo/account-deletion.ts): deleted by the last test. */
const JANA = { email: 'j.lorenz@landkreis-gifhorn.example', name: 'Jana Lorenz' };
const BODY = 'Projektgruppe Patenschaften Nordkreis';

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

test('a member deletes the account: signed out, no sign-in, gone from the member list, kept in approved minutes', async ({
	page,
	browser
}) => {
	await signInAs(page, JANA.email);
	await visit(page, '/app/landkreis-gifhorn/gremien');
	await page.getByRole('link', { name: BODY, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(BODY);
	const bodyPath = new URL(page.url()).pathname;
	const members = page.getByRole('table', {
		name: 'Aktuelle Mitglieder mit Rolle und Organisation'
	});
	await expect(members).toContainText(JANA.name);
	const minutesPath = await page
		.getByRole('link', { name: /^Protokoll der Sitzung am / })
		.first()
		.getAttribute('href');
	expect(minutesPath).toBeTruthy();

	await visit(page, '/konto');
	const section = page.getByRole('region', { name: 'Konto löschen' });
	await section.getByLabel('Ihr Passwort zur Bestätigung').fill(DEMO_PASSWORD);
	await section.getByLabel('Ich möchte mein Konto endgültig löschen.').check();
	await section.getByRole('button', { name: 'Konto endgültig löschen' }).click();

	// signed out, told so
	await expect(page).toHaveURL('/abmelden?done&geloescht');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto gelöscht');
	await expect(page.getByRole('button', { name: 'Abmelden' })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto('/konto');
	await expect(page).toHaveURL(/\/anmelden/);

	// the old password no longer signs in
	await visit(page, '/anmelden');
	await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(JANA.email);
	await page.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist falsch.');
	await expect(page).toHaveURL(/\/anmelden/);

	// the coordinator: the name is gone from the member list, the approved minutes keep it
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
	await visit(coordinator, bodyPath);
	const list = coordinator.getByRole('table', {
		name: 'Aktuelle Mitglieder mit Rolle und Organisation'
	});
	await expect(list).toContainText('Stabsstelle Integration Gifhorn');
	await expect(list).not.toContainText(JANA.name);
	await expect(coordinator.getByRole('main')).not.toContainText(JANA.name);
	await visit(coordinator, minutesPath!);
	const attendance = coordinator.getByRole('table', { name: 'Anwesenheitsliste' });
	await expect(attendance.getByRole('rowheader', { name: JANA.name })).toBeVisible();
	await coordinator.context().close();
});
