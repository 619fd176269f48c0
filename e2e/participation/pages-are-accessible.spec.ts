import {
	ACCOUNTS,
	expect,
	expectAccessible,
	signedInPage,
	test,
	uniqueEmail,
	visit
} from '../fixtures';

const HISTORIC = 'Integrationskonzept Laatzen – Beteiligungsprozess';
const CURRENT = 'Fortschreibung des Integrationskonzepts: sechs Monate thematischer Austausch';

test('the participation and inquiry pages of coordinators are accessible', async ({ browser }) => {
	test.setTimeout(180_000);
	const staff = await signedInPage(browser, ACCOUNTS.coordinatorLaatzen);
	await visit(staff, '/app/laatzen');
	await staff.getByRole('link', { name: 'Beteiligung' }).click();
	await expectAccessible(staff);
	await staff.getByRole('link', { name: HISTORIC }).click();
	await expectAccessible(staff);
	await expect(staff.getByRole('heading', { name: 'Ablauf' })).toBeVisible();
	const processUrl = staff.url();
	for (const link of [/^Beiträge/, /^Handlungsempfehlungen/]) {
		await staff.getByRole('link', { name: link }).click();
		await expectAccessible(staff);
		await staff.goto(processUrl);
	}
	await staff.getByRole('link', { name: 'Integrations-Dialog für Jugendliche' }).click();
	await expectAccessible(staff);
	await visit(staff, `${processUrl}/dialoge/neu`);
	await visit(staff, '/app/laatzen/beteiligung/neu');
	// a new process: errors next to the fields
	await staff.getByRole('button', { name: 'Anlegen' }).click();
	await expect(staff.getByRole('alert')).toContainText('Bitte geben Sie einen Titel an.');
	await expectAccessible(staff);

	await visit(staff, '/app/laatzen/anliegen');
	await expect(staff.getByRole('table', { name: 'Anliegen nach Art und Status' })).toBeVisible();
	await staff.getByRole('link', { name: /A-\d{4}-LZ4H8K/ }).click();
	await expectAccessible(staff);
	await staff.getByLabel('Textbaustein').selectOption({ label: 'Sprachkurse' });
	await staff.getByRole('button', { name: 'In die Antwort übernehmen' }).click();
	await expect(staff.getByRole('textbox', { name: 'Antwort' })).toHaveValue(/Sprachkurse/);
	await expectAccessible(staff);
	await visit(staff, '/app/laatzen/anliegen/vorlagen');
	await visit(staff, '/app/laatzen/einstellungen');
	await expect(staff.getByRole('textbox', { name: /Löschfrist für Anliegen/ })).toHaveValue('180');
});

test('the public participation pages are accessible; a visitor joins the waiting list', async ({
	page
}) => {
	test.setTimeout(120_000);
	await visit(page, '/laatzen');
	await page.getByRole('link', { name: /^Beteiligung/ }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: HISTORIC }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ergebnisdokument (Thesenpapier)' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('img', { name: 'Beiträge je Integrations-Dialog' })).toBeVisible();
	await expect(page.getByText('Sprachförderung in den Kindertagesstätten')).toBeVisible();
	const pdf = await page.request.get(
		(await page.getByRole('link', { name: /Als PDF herunterladen/ }).getAttribute('href'))!
	);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 8).toString()).toBe('%PDF-1.7');

	await visit(page, '/laatzen/beteiligung');
	await page.getByRole('link', { name: CURRENT }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Integrations-Dialog für Jugendliche 2026' }).click();
	await expectAccessible(page);
	await page.getByRole('textbox', { name: /^Name/ }).fill('Sami Beispiel');
	await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(uniqueEmail('dialog'));
	await page.waitForTimeout(3_200);
	await page.getByRole('button', { name: 'Auf die Warteliste' }).click();
	await expect(page.getByRole('status')).toContainText('Sie stehen auf der Warteliste');
	await expectAccessible(page);

	await visit(page, '/laatzen/anliegen/status/demo-anliegen-status-laatzen-2026');
	await expect(page.getByTestId('inquiry-state')).toHaveText('neu');
});
