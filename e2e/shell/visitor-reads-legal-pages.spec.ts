// The pages a public body must have: Impressum, Datenschutzerklärung and Erklärung zur
// Barrierefreiheit per network, linked from every public page, with the feedback way that lands
// in the network's inbox, and the coordinator's own texts replacing the defaults.
import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

test('a network’s pages link to its own legal pages and the barrier report', async ({ page }) => {
	await visit(page, '/landkreis-gifhorn/angebote');
	const footer = page.getByRole('contentinfo');
	await expect(footer.getByRole('link', { name: 'Impressum' })).toHaveAttribute(
		'href',
		'/landkreis-gifhorn/impressum'
	);
	await expect(footer.getByRole('link', { name: 'Datenschutz' })).toHaveAttribute(
		'href',
		'/landkreis-gifhorn/datenschutz'
	);
	await footer.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Erklärung zur Barrierefreiheit'
	);
	await expect(page.getByRole('main')).toContainText('Landkreis Gifhorn');
	await expect(page.getByRole('main')).toContainText('teilweise mit den Anforderungen vereinbar');

	await visit(page, '/landkreis-gifhorn/datenschutz');
	// Gifhorn is in Lower Saxony: its supervisory authority is named
	await expect(page.getByRole('main')).toContainText(
		'Die Landesbeauftragte für den Datenschutz Niedersachsen'
	);
	await expect(page.getByRole('main')).toContainText('Tage nach Abschluss des Anliegens');

	// on the platform's own pages the footer leads to the platform's legal pages
	await visit(page, '/');
	await expect(
		page.getByRole('contentinfo').getByRole('link', { name: 'Impressum' })
	).toHaveAttribute('href', '/impressum');
});

test('without JavaScript, “Barriere melden” in the footer sends accessibility feedback to the inbox', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const text = `Die Karte auf der Seite ${Date.now().toString(36)} lässt sich nicht mit der Tastatur bedienen.`;
	const page = await newNoScriptPage(browser);
	await visit(page, '/landshut/angebote');
	const footer = page.getByRole('contentinfo');
	await footer.getByText('Barriere melden').click();
	await expect(footer.getByRole('link', { name: 'Datenschutzerklärung' })).toHaveAttribute(
		'href',
		'/landshut/datenschutz'
	);
	await expectAccessible(page);
	// sent without the consent: the whole message form, the kind chosen and the text kept
	await footer.getByRole('textbox', { name: /^Ihr Anliegen/ }).fill(text);
	await page.waitForTimeout(3_200);
	await footer.getByRole('button', { name: 'Anliegen senden' }).click();
	await expect(page).toHaveURL('/landshut/anliegen');
	await expect(page.getByRole('alert')).toContainText(
		'Bitte stimmen Sie der Speicherung Ihrer Angaben zu'
	);
	await expect(
		page.getByRole('radio', { name: 'Barriere melden (Barrierefreiheit)' })
	).toBeChecked();
	await expect(page.getByRole('textbox', { name: /^Ihr Anliegen/ })).toHaveValue(text);
	// on the message page itself the footer links to it instead of repeating the form
	await expect(
		page.getByRole('contentinfo').getByRole('link', { name: 'Barriere melden' })
	).toBeVisible();
	await page.getByRole('checkbox', { name: /Ich stimme zu/ }).check();
	await page.waitForTimeout(3_200);
	await page.getByRole('button', { name: 'Anliegen senden' }).click();
	await expect(page).toHaveURL(/\/landshut\/anliegen\/status\/[^/?]+\?neu=1$/);
	await page.context().close();

	// in Arabic the footer form sends to the Arabic message page
	const arabic = await newNoScriptPage(browser);
	await visit(arabic, '/ar/landshut');
	await expect(arabic.getByRole('contentinfo').locator('form')).toHaveAttribute(
		'action',
		'/ar/landshut/anliegen'
	);
	await arabic.context().close();

	// the coordinator finds it in the inbox as accessibility feedback
	const staff = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(staff, '/app/landshut/anliegen?kind=accessibility');
	await expect(staff.getByRole('main')).toContainText(text.slice(0, 40));
	await staff.context().close();
});

test('a coordinator writes the Impressum; visitors see it instead of the default', async ({
	browser,
	page
}) => {
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLaatzen);
	await visit(coordinator, '/app/laatzen/einstellungen');
	await coordinator
		.getByRole('link', { name: 'Impressum, Datenschutz und Barrierefreiheit bearbeiten' })
		.click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(
		'Impressum, Datenschutz und Barrierefreiheit'
	);
	const imprint = coordinator.getByRole('textbox', { name: 'Impressum' });
	// an overlong text is refused with the input kept
	await imprint.fill(`Stadt Laatzen ${'x'.repeat(10_000)}`);
	await coordinator.getByRole('button', { name: 'Speichern' }).click();
	await expect(coordinator.getByRole('alert')).toContainText('Der Text ist zu lang.');
	await expect(imprint).toHaveValue(/^Stadt Laatzen x{10000}$/);
	await imprint.fill(
		'Stadt Laatzen\nMarktplatz 13\n30880 Laatzen\n\nVertreten durch den Bürgermeister'
	);
	await coordinator
		.getByRole('textbox', { name: 'Datum der letzten Überprüfung' })
		.fill('2026-12-01');
	await coordinator.getByRole('button', { name: 'Speichern' }).click();
	await expect(coordinator.getByText('Die Texte wurden gespeichert.')).toBeVisible();

	await visit(page, '/laatzen/impressum');
	await expect(page.getByRole('main')).toContainText('Marktplatz 13');
	await expect(page.getByRole('main')).not.toContainText('§ 5 Digitale-Dienste-Gesetz');
	await visit(page, '/laatzen/barrierefreiheit');
	await expect(page.getByRole('main')).toContainText('zuletzt am 01.12.2026 überprüft');
});
