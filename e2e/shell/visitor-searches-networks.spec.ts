// The platform start page lists the networks a page at a time; a visitor who knows only the name
// of their municipality finds its district's network, also without JavaScript and in Arabic.
import { expect, expectAccessible, newNoScriptPage, test, visit } from '../fixtures';

test('a visitor searches the networks by municipality name and reaches its district, without JavaScript', async ({
	browser
}) => {
	const page = await newNoScriptPage(browser);
	await visit(page, '/');
	const networks = page.getByRole('search', { name: 'Netzwerke' });
	await networks.getByRole('searchbox', { name: 'Netzwerk, Stadt oder Gemeinde' }).fill('Moosburg');
	await networks.getByRole('button', { name: 'Suchen' }).click();
	await expect(page).toHaveURL(/\/\?q=Moosburg$/);
	const cards = page.getByRole('main').getByRole('heading', { level: 3 });
	await expect(cards).toHaveText(['Landkreis Freising']);
	// the district's card names its municipalities, Moosburg among them, and how many more
	await expect(page.getByRole('link', { name: 'Stadt Moosburg a.d.Isar' })).toBeVisible();
	await expectAccessible(page);

	await visit(page, '/?q=Nirgendwo');
	await expect(page.getByRole('status')).toContainText('Kein Netzwerk passt zu „Nirgendwo“');
	await page.getByRole('link', { name: 'Alle Netzwerke' }).click();
	await expect(page.getByRole('link', { name: 'Stadt Landshut' })).toBeVisible();

	await visit(page, '/ar?q=Moosburg');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('searchbox', { name: 'الشبكة أو المدينة أو البلدية' })).toHaveValue(
		'Moosburg'
	);
	await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveText([
		'Landkreis Freising'
	]);
	await expectAccessible(page);
	await page.context().close();
});
