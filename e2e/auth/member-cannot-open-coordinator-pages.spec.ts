// Pages someone may not open answer 404, exactly like pages that do not exist; anonymous
// visitors of the signed-in area are sent to the sign-in page and back afterwards.
import { ACCOUNTS, expect, signInAs, test, visit, type Page } from '../fixtures';

const NOT_FOUND = 'Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf.';

async function expectNotFound(page: Page, path: string) {
	const response = await visit(page, path);
	expect(response?.status(), `${path} should answer 404`).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fehler 404');
	await expect(page.getByRole('main')).toContainText(NOT_FOUND);
}

test('a member gets 404 on coordinator, admin and other tenants’ pages', async ({ page }) => {
	await signInAs(page, ACCOUNTS.memberLandshut);

	// The member's own tenant area opens.
	const own = await visit(page, '/app/landshut');
	expect(own?.status()).toBe(200);
	await expect(page.getByRole('link', { name: 'Personen und Einladungen' })).toHaveCount(0);

	await expectNotFound(page, '/app/gibt-es-nicht');
	const unknownPage = await page.getByRole('main').innerText();

	for (const path of [
		'/app/landshut/personen',
		'/app/landshut/aenderungen',
		'/admin/mandanten',
		'/admin/postfach',
		'/app/landkreis-gifhorn',
		'/app/landkreis-gifhorn/personen'
	]) {
		await expectNotFound(page, path);
		expect(await page.getByRole('main').innerText(), `${path} looks like an unknown page`).toBe(
			unknownPage
		);
	}
});

test('a member cannot send invitations by posting the form directly', async ({ page, baseURL }) => {
	await signInAs(page, ACCOUNTS.memberLandshut);
	const response = await page.request.post('/app/landshut/personen?/invite', {
		form: { name: 'Eindringling', email: 'eindringling@e2e.example', role: 'coordinator' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(404);
});

test('the coordinator of another tenant gets 404 on Landshut’s pages', async ({ page }) => {
	await signInAs(page, ACCOUNTS.coordinatorGifhorn);
	const own = await visit(page, '/app/landkreis-gifhorn/personen');
	expect(own?.status()).toBe(200);
	await expectNotFound(page, '/app/landshut/personen');
	await expectNotFound(page, '/app/landshut/aenderungen');
	await expectNotFound(page, '/app/landshut');
});

test('anonymous visitors of the signed-in area are sent to the sign-in page', async ({ page }) => {
	await visit(page, '/app');
	await expect(page).toHaveURL('/anmelden?next=%2Fapp');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');

	await visit(page, '/app/landshut/personen');
	await expect(page).toHaveURL('/anmelden?next=%2Fapp%2Flandshut%2Fpersonen');

	await visit(page, '/konto');
	await expect(page).toHaveURL('/anmelden?next=%2Fkonto');
});
