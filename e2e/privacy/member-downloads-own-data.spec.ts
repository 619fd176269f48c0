// A member downloads all data about them from the account page (GDPR Art. 15): one JSON file
// with a German summary, their memberships, and no other demo account's e-mail address.
import fs from 'node:fs/promises';
import { ACCOUNTS, expect, signInAs, test, visit } from '../fixtures';

test('a member downloads their own data as JSON from the account page', async ({ page }) => {
	await signInAs(page, ACCOUNTS.speakerLandshut);
	await visit(page, '/konto');
	await expect(page.getByRole('heading', { name: 'Ihre Daten' })).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Meine Daten herunterladen (JSON)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^miteinander-daten-\d{4}-\d\d-\d\d\.json$/);
	const exported = JSON.parse(await fs.readFile((await download.path())!, 'utf8'));

	expect(exported.summary.title).toBe('Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)');
	expect(exported.summary.person.email).toBe(ACCOUNTS.speakerLandshut);
	expect(exported.data.account).toHaveLength(1);
	expect(exported.data.body_memberships.length).toBeGreaterThan(0);
	const text = JSON.stringify(exported);
	for (const other of Object.values(ACCOUNTS).filter((a) => a !== ACCOUNTS.speakerLandshut))
		expect(text).not.toContain(other);
});

test('the download needs a sign-in', async ({ request }) => {
	const response = await request.get('/konto/daten', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/anmelden?next=%2Fkonto%2Fdaten');
});
