// The invitation flow end to end: a coordinator invites a person, the invitation mail arrives,
// the person sets a password, uses the app in English, signs out and signs in again.
// The one spec that signs in through the form; the others use signInAs().
import {
	ACCOUNTS,
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	invitePerson,
	readInvitationLink,
	test,
	uniqueEmail,
	visit
} from '../fixtures';

test('a coordinator invites a person, who sets a password, switches to English and signs in again', async ({
	page,
	browser
}) => {
	const invitee = { name: 'Amina Haddad', email: uniqueEmail('amina') };
	const password = 'Sonnenblume-im-Garten-42';

	await test.step('the coordinator signs in through the form', async () => {
		await visit(page, '/anmelden');
		await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(ACCOUNTS.coordinatorLandshut);
		await page.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
		await expect(page).toHaveURL('/app');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Übersicht');
		await expect(page.getByRole('button', { name: 'Abmelden', exact: true })).toBeVisible();
		await expectAccessible(page);
	});

	await test.step('the coordinator invites the person as a member', async () => {
		await page.getByRole('link', { name: 'Stadt Landshut' }).click();
		await expect(page).toHaveURL('/app/landshut');
		await expectAccessible(page);
		await invitePerson(page, 'landshut', { ...invitee, role: 'member' });
		const invitations = page.getByRole('region', { name: 'Offene Einladungen' });
		await expect(invitations.getByRole('row').filter({ hasText: invitee.email })).toContainText(
			'Mitglied'
		);
	});

	const link = await test.step('the invitation mail arrives', () =>
		readInvitationLink(browser, invitee.email));
	// the link points to this app (ORIGIN), whatever port the e2e run uses
	const origin = new URL(test.info().project.use.baseURL!).origin;
	expect(new URL(link).origin).toBe(origin);
	expect(new URL(link).pathname).toMatch(/^\/einladung\/[\w-]+$/);

	const person = await (await browser.newContext()).newPage();

	await test.step('the person opens the link and sets a password', async () => {
		await visit(person, link);
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Einladung annehmen');
		await expect(person.getByRole('main')).toContainText(invitee.email);
		await person.getByLabel('Neues Passwort').fill(password);
		await person.getByLabel('Passwort wiederholen').fill(password);
		await person.getByRole('button', { name: 'Konto einrichten' }).click();
		await expect(person).toHaveURL('/app/landshut');
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Stadt Landshut');
		await expect(person.getByRole('main')).toContainText('Ihre Rolle: Mitglied');
		await expect(person.getByRole('button', { name: 'Abmelden', exact: true })).toBeVisible();
		await expectAccessible(person);
	});

	await test.step('the person switches to English', async () => {
		await person.locator('summary', { hasText: 'Sprache' }).click();
		await person.getByRole('button', { name: 'English' }).click();
		await expect(person.locator('html')).toHaveAttribute('lang', 'en');
		await expect(person).toHaveURL('/app/landshut');
		const nav = person.getByRole('navigation', { name: 'Main navigation' });
		await expect(nav.getByRole('link', { name: 'Overview' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'My account' })).toBeVisible();
		await expect(nav.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
		await person.locator('summary', { hasText: 'Language' }).click();
		await expect(person.getByRole('button', { name: 'English' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expectAccessible(person);
	});

	await test.step('the language is kept on the next page', async () => {
		await person.getByRole('link', { name: 'My account' }).click();
		await expect(person).toHaveURL('/konto');
		await expect(person.locator('html')).toHaveAttribute('lang', 'en');
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('My account');
		await expect(person.getByRole('main')).toContainText(invitee.email);
		await expectAccessible(person);
	});

	await test.step('the person signs out', async () => {
		await person.getByRole('button', { name: 'Sign out', exact: true }).click();
		await expect(person).toHaveURL('/abmelden?done');
		await expect(person.getByRole('status')).toHaveText('You have been signed out.');
		await expect(person.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
		await expectAccessible(person);
	});

	await test.step('the person signs in again with the new password', async () => {
		await person.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
		// the sign-in page is public: German at its unprefixed address (English at /en/anmelden)
		await expect(person).toHaveURL('/anmelden');
		await expectAccessible(person);
		await person.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(invitee.email);
		await person.getByLabel(/^Passwort/).fill(password);
		await person.getByRole('button', { name: 'Anmelden', exact: true }).click();
		await expect(person).toHaveURL('/app');
		await expect(person.locator('html')).toHaveAttribute('lang', 'en');
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Overview');
		await expect(person.getByRole('link', { name: 'Stadt Landshut' })).toBeVisible();
		await expectAccessible(person);
	});

	await person.context().close();
});
