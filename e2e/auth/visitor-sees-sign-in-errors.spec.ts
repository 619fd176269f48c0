// What a visitor sees when signing in or accepting an invitation goes wrong: clear German
// messages, input kept, errors tied to their fields.
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

test('a wrong password gives a clear message and keeps the e-mail address', async ({ page }) => {
	await visit(page, '/anmelden');
	await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(ACCOUNTS.memberLandshut);
	await page.getByLabel(/^Passwort/).fill('falsches-passwort');
	await page.getByRole('button', { name: 'Anmelden', exact: true }).click();

	await expect(page.getByRole('alert')).toContainText(
		'E-Mail-Adresse oder Passwort ist falsch. Bitte versuchen Sie es erneut.'
	);
	await expect(page).toHaveURL(/\/anmelden/);
	await expect(page.getByRole('textbox', { name: /^E-Mail-Adresse/ })).toHaveValue(
		ACCOUNTS.memberLandshut
	);
	await expect(page.getByRole('button', { name: 'Abmelden' })).toHaveCount(0);
	await expectAccessible(page);
});

test('an expired invitation says so', async ({ page }) => {
	await visit(page, '/einladung/demo-abgelaufene-einladung');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einladung abgelaufen');
	await expect(page.getByRole('alert')).toHaveText(/^\s*Diese Einladung ist abgelaufen\./);
	await expect(page.getByRole('button', { name: 'Konto einrichten' })).toHaveCount(0);
});

test('an unknown invitation link is invalid', async ({ page }) => {
	await visit(page, '/einladung/diesen-link-gibt-es-nicht-123456');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einladung ungültig');
	await expect(page.getByRole('alert')).toHaveText(
		'Diese Einladung ist ungültig oder wurde bereits verwendet.'
	);
	await expect(page.getByRole('button', { name: 'Konto einrichten' })).toHaveCount(0);
});

test('different passwords on an invitation keep the person on the form with a field error', async ({
	page,
	browser
}) => {
	const invitee = { name: 'Jonas Weber', email: uniqueEmail('jonas') };
	await signInAs(page, ACCOUNTS.coordinatorLandshut);
	await invitePerson(page, 'landshut', invitee);
	const link = await readInvitationLink(browser, invitee.email);

	const person = await (await browser.newContext()).newPage();
	await visit(person, link);
	await person.getByLabel('Neues Passwort').fill('Ein-langes-Passwort-1');
	await person.getByLabel('Passwort wiederholen').fill('Ein-anderes-Passwort-2');
	await person.getByRole('button', { name: 'Konto einrichten' }).click();

	const confirm = person.getByLabel('Passwort wiederholen');
	await expect(person.getByRole('alert')).toContainText(
		'Die beiden Passwörter stimmen nicht überein.'
	);
	await expect(confirm).toHaveAttribute('aria-invalid', 'true');
	await expect(confirm).toHaveAccessibleDescription('Die beiden Passwörter stimmen nicht überein.');
	await expect(person).toHaveURL(new URL(link).pathname);
	await expect(person.getByRole('heading', { level: 1 })).toHaveText('Einladung annehmen');
	await expect(person.getByRole('button', { name: 'Abmelden' })).toHaveCount(0);
	await expectAccessible(person);
	await person.context().close();
});

test('repeated wrong passwords make the visitor wait, and the page says how long', async ({
	page
}) => {
	const email = uniqueEmail('rater');
	await visit(page, '/anmelden');
	const message = page.getByRole('alert');
	for (let i = 0; i < 6; i++) {
		await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(email);
		await page.getByLabel(/^Passwort/).fill(`falsch-${i}`);
		// each attempt's answer before the next (the previous alert would satisfy the check early)
		await Promise.all([
			page.waitForResponse(
				(r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/anmelden')
			),
			page.getByRole('button', { name: 'Anmelden', exact: true }).click()
		]);
		await expect(message).toContainText(i < 5 ? 'Passwort ist falsch' : 'Bitte warten Sie');
	}
	await expect(message).toContainText(
		/Zu viele fehlgeschlagene Anmeldeversuche\. Bitte warten Sie \d+ Sekunden und versuchen Sie es dann erneut/
	);
	await expect(page.getByRole('textbox', { name: /^E-Mail-Adresse/ })).toHaveValue(email);
	await expectAccessible(page);
});
