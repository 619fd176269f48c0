// A network's own single sign-on (issue 16): the coordinator connects the network to an OpenID
// Connect provider - a real one, started by this test (oidc-provider, auth/testing/oidc-provider.ts)
// - and invites a person; the person opens the network's sign-in, signs in at the provider for the
// first time, is linked to the invitation by the verified e-mail address and gets the role the
// group claim maps to; signing out ends the session at the provider too.
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
import { startTestProvider } from '../../src/lib/server/auth/testing/oidc-provider';

const SLUG = 'emmerich';
const LABEL = 'Stadtverwaltung Emmerich (Test)';

test('the coordinator sets up the network sign-on and an invited person signs in through it', async ({
	page,
	browser,
	baseURL
}) => {
	const email = uniqueEmail('sso');
	const provider = await startTestProvider(
		{ neu: { email, email_verified: true, name: 'Sina Sso', groups: ['integration-redaktion'] } },
		`${baseURL}/anmelden/sso/netzwerk/${SLUG}/callback`,
		`${baseURL}/abmelden?done`
	);
	try {
		await test.step('the coordinator connects the provider; the secret is not shown again', async () => {
			await signInAs(page, ACCOUNTS.coordinatorEmmerich);
			await visit(page, `/app/${SLUG}/einstellungen`);
			await page
				.getByRole('link', { name: 'Anmeldung über das eigene Konto (Single Sign-on)' })
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Anmeldung über das eigene Konto (Single Sign-on)'
			);
			await expect(page.getByRole('main')).toContainText(
				`${baseURL}/anmelden/sso/netzwerk/${SLUG}/callback`
			);
			await expectAccessible(page);
			await page.getByRole('textbox', { name: /^Name auf der Schaltfläche/ }).fill(LABEL);
			await page.getByRole('textbox', { name: /^Aussteller-Adresse/ }).fill(provider.issuer);
			await page.getByRole('textbox', { name: /^Client-ID/ }).fill(provider.clientId);
			await page.getByLabel(/^Client-Secret/).fill(provider.clientSecret);
			await page.getByRole('textbox', { name: /^Claim mit Gruppen/ }).fill('groups');
			await page
				.getByRole('textbox', { name: /^Rollen aus dem Claim/ })
				.fill('integration-redaktion=editor');
			await page.getByRole('button', { name: 'Anmeldung speichern' }).click();
			await expect(page.getByRole('status')).toHaveText('Die Anmeldung ist gespeichert.');
			await visit(page, `/app/${SLUG}/einstellungen/anmeldung`);
			await expect(page.getByRole('main')).toContainText('Ein Client-Secret ist gespeichert');
			await expect(page.getByLabel(/^Client-Secret/)).toHaveValue('');
			expect(await page.content()).not.toContain(provider.clientSecret);
			await invitePerson(page, SLUG, { name: 'Sina Sso', email, role: 'member' });
		});

		const person = await (await browser.newContext()).newPage();
		await test.step('the person signs in through the network provider for the first time', async () => {
			await visit(person, `/${SLUG}`);
			await person.getByRole('banner').getByRole('link', { name: 'Anmelden' }).click();
			await expect(person).toHaveURL(`/anmelden?netzwerk=${SLUG}`);
			await expectAccessible(person);
			await person.getByRole('link', { name: `Mit ${LABEL} anmelden` }).click();
			// the provider's own sign-in and consent pages
			await expect(person).toHaveURL(new RegExp(`^${provider.issuer}/`));
			await person.locator('input[name="login"]').fill('neu');
			await person.locator('input[name="password"]').fill('egal');
			await person.locator('button[type="submit"]').first().click();
			await person.locator('button[type="submit"]').first().click();
			await expect(person).toHaveURL(/\/app(\/|$)/);
			await expect(person.getByRole('button', { name: 'Abmelden' })).toBeVisible();
		});

		await test.step('the group claim made the person an editor of this network', async () => {
			await visit(page, `/app/${SLUG}/personen`);
			const row = page.getByRole('main').getByRole('row').filter({ hasText: email }).first();
			// the third column is the role (the row's role menu lists every role)
			await expect(row.getByRole('cell').nth(2)).toHaveText('Redaktion (Organisation)');
		});

		await test.step('signing out ends the session at the provider too', async () => {
			await person.getByRole('button', { name: 'Abmelden' }).click();
			// the page after the sign-out forwards to the provider (the form may only post here)
			await expect(person).toHaveURL(new RegExp(`^${provider.issuer}/`));
			await person.getByRole('button', { name: /sign me out/i }).click();
			await expect(person).toHaveURL('/abmelden?done');
			await expect(person.getByRole('button', { name: 'Abmelden' })).toHaveCount(0);
		});
		await person.context().close();
	} finally {
		await provider.close();
	}
});
