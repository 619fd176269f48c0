// A member consents to be shown publicly, appears as Person in the OParl interface, and
// withdraws the consent again (the forms work without JavaScript too).
import { ACCOUNTS, expect, signInAs, test, visit } from '../fixtures';

test('a member consents to public display and withdraws it', async ({ page, request }) => {
	const bodies = await (await request.get('/oparl/v1.1/body')).json();
	const landshut = bodies.data.find((b: { name: string }) => b.name === 'Stadt Landshut');
	const names = async () =>
		(await (await request.get(landshut.person)).json()).data.map((p: { name: string }) => p.name);
	expect(await names()).not.toContain('Mitglied Netzwerk Landshut');

	await signInAs(page, ACCOUNTS.memberLandshut);
	await visit(page, '/konto/oeffentlich');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Öffentliche Anzeige');
	await expect(page.getByRole('heading', { name: /Einwilligungstext \(Fassung / })).toBeVisible();
	await expect(page.getByText('Nicht angezeigt: Sie haben nicht eingewilligt.')).toBeVisible();

	await page.getByRole('button', { name: 'Für Stadt Landshut einwilligen' }).click();
	await expect(page.getByRole('status')).toContainText('Ihre Einwilligung für Stadt Landshut');
	await expect(page.getByText(/^Angezeigt: Sie haben am/)).toBeVisible();
	await visit(page, '/konto/oeffentlich');
	expect(await names()).toContain('Mitglied Netzwerk Landshut');

	await page.getByRole('button', { name: 'Einwilligung für Stadt Landshut widerrufen' }).click();
	await expect(page.getByRole('status')).toContainText('wurde widerrufen');
	await expect(page.getByText(/^Nicht angezeigt: Sie haben Ihre Einwilligung am/)).toBeVisible();
	expect(await names()).not.toContain('Mitglied Netzwerk Landshut');
});
