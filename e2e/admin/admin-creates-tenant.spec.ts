// The platform admin adds a municipality to Landkreis Freising; a wrong address is refused
// with the input kept, and the new tenant's public page works.
import { ACCOUNTS, expect, expectAccessible, signInAs, test, visit } from '../fixtures';

test('the admin creates a municipality under Landkreis Freising', async ({ page }) => {
	await signInAs(page, ACCOUNTS.admin);
	await visit(page, '/admin/mandanten');
	const form = page.getByRole('region', { name: 'Neue Gebietskörperschaft anlegen' });

	await test.step('a bad address is refused and the input is kept', async () => {
		await form.getByRole('textbox', { name: /^Name/ }).fill('Gemeinde Kranzberg');
		await form.getByRole('textbox', { name: /^Adresse/ }).fill('Kranzberg!');
		await form.getByLabel('Art').selectOption('municipality');
		await form.getByLabel('Bundesland').selectOption('BY');
		await form.getByLabel('Gehört zum Landkreis').selectOption({ label: 'Landkreis Freising' });
		await form.getByRole('button', { name: 'Anlegen' }).click();

		const slug = form.getByRole('textbox', { name: /^Adresse/ });
		await expect(form.getByRole('alert')).toContainText(
			'Bitte nur Kleinbuchstaben, Ziffern und einzelne Bindestriche'
		);
		await expect(slug).toHaveAttribute('aria-invalid', 'true');
		await expect(slug).toHaveValue('Kranzberg!');
		await expect(form.getByRole('textbox', { name: /^Name/ })).toHaveValue('Gemeinde Kranzberg');
		await expect(form.getByLabel('Art')).toHaveValue('municipality');
		await expect(form.getByLabel('Bundesland')).toHaveValue('BY');
		await expect(form.getByLabel('Gehört zum Landkreis').locator('option:checked')).toHaveText(
			'Landkreis Freising'
		);
		await expectAccessible(page);
	});

	await test.step('a valid address creates the municipality', async () => {
		await form.getByRole('textbox', { name: /^Adresse/ }).fill('kranzberg');
		await form.getByRole('button', { name: 'Anlegen' }).click();
		await expect(page.getByRole('status')).toHaveText('Gemeinde Kranzberg wurde angelegt.');
		const row = page.getByRole('row').filter({ hasText: 'Gemeinde Kranzberg' });
		await expect(row).toContainText('/kranzberg');
		await expect(row).toContainText('Landkreis Freising');
		await expectAccessible(page);
	});

	await test.step('the public page of the new municipality works', async () => {
		const response = await visit(page, '/kranzberg');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gemeinde Kranzberg');
		await expect(page.getByRole('main')).toContainText('Gemeinde in Bayern');
		await expect(
			// (the district office's contact persons link there too)
			page.getByRole('main').getByRole('link', { name: 'Landkreis Freising' }).first()
		).toBeVisible();

		await visit(page, '/landkreis-freising');
		await expect(
			page.getByRole('main').getByRole('link', { name: 'Gemeinde Kranzberg' })
		).toHaveAttribute('href', '/kranzberg');
	});
});
