import { expect, signedInPage, test, visit, expectAccessible } from '../fixtures';

/**
 * Issue 17, item 3: before the next Vernetzungstreffen a municipality records its answers; the
 * district sees them side by side with the other municipalities' and turns one into an action
 * item. The municipality never sees the roll-up or another municipality's view.
 */
test('a municipality records its exchange answers; the district sees them side by side and makes an action item', async ({
	browser
}) => {
	test.slow();
	const wish = `Dolmetscherpool für Elterngespräche ${Date.now().toString(36)}`;

	// Moosburg's coordinator: an empty form is refused with a message, then the answers are saved.
	const muni = await signedInPage(browser, 'integration@moosburg.example');
	await visit(muni, '/app/moosburg/vernetzung');
	await expect(muni.getByRole('heading', { level: 1 })).toHaveText(
		'Erfahrungsaustausch im Vernetzungstreffen'
	);
	const next = muni.locator('section').first();
	await next.getByRole('button', { name: 'Antworten speichern' }).click();
	await expect(muni.getByRole('alert').first()).toContainText(
		'Bitte beantworten Sie mindestens eine der drei Fragen.'
	);
	await expectAccessible(muni);
	await next
		.getByLabel('Was gelingt in der Gemeinde gut?')
		.fill('Der Helferkreis Asyl begleitet Familien.');
	await next.getByLabel('Was sollte ausgebaut werden?').fill('Sprachförderung in den Kitas');
	await next.getByLabel('Wie kann das Landratsamt unterstützen?').fill(wish);
	await next.getByRole('button', { name: 'Antworten speichern' }).click();
	await expect(muni.getByRole('status')).toHaveText('Die Antworten sind gespeichert.');
	await expect(next.getByLabel('Wie kann das Landratsamt unterstützen?')).toHaveValue(wish);
	// the district's roll-up is not the municipality's: its own address shows only its own
	expect((await muni.goto('/app/landkreis-freising/vernetzung'))?.status()).toBe(404);
	await visit(muni, '/app/moosburg/landkreis?gemeinde=eching');
	await expect(muni.getByRole('heading', { level: 1 })).toHaveText(
		'Übersicht: Stadt Moosburg a.d.Isar'
	);
	await expect(muni.getByLabel('Gemeinde')).toHaveCount(0);

	// The district's coordinator sees Moosburg's answers next to the other municipalities'.
	const district = await signedInPage(browser, 'koordination@freising.example');
	await visit(district, '/app/landkreis-freising/vernetzung');
	const upcoming = district.locator('section').first();
	const table = upcoming.getByRole('table');
	const moosburgRow = table.getByRole('row').filter({ hasText: 'Stadt Moosburg' });
	await expect(moosburgRow).toContainText(wish);
	await expect(table.getByRole('row').filter({ hasText: 'Gemeinde Eching' })).toContainText(
		'keine Antwort'
	);
	// (8 demo municipalities, 9 when the admin spec has added one earlier in the run)
	await expect(upcoming).toContainText(/2 von \d+ Gemeinden haben geantwortet\./);

	// … and turns the wish into an action item of the body.
	const actionSummary = 'Als Aufgabe übernehmen: Stadt Moosburg';
	const details = upcoming
		.locator('details')
		.filter({ has: district.locator('summary', { hasText: actionSummary }) });
	await details.locator('summary').click();
	const form = details.locator('form[action="?/action"]');
	await form.getByLabel('Antwort', { exact: true }).selectOption('districtHelp');
	await form.getByRole('button', { name: 'Als Aufgabe übernehmen' }).click();
	await expect(district.getByRole('status')).toHaveText(
		'Die Aufgabe ist angelegt; sie steht auf der Tagesordnung des nächsten Treffens.'
	);
	await expect(
		district.locator('section').first().locator('summary', { hasText: actionSummary })
	).toContainText('Aufgabe angelegt');
	await expectAccessible(district);

	// The district-wide view filtered to Moosburg, and the report.
	await visit(district, '/app/landkreis-freising/landkreis?gemeinde=moosburg');
	await expect(district.getByLabel('Gemeinde')).toHaveValue('moosburg');
	await visit(district, '/app/landkreis-freising/landkreis/bericht');
	await expect(district.getByRole('table').first()).toContainText('Stadt Moosburg');
	const pdf = await district.request.get('/app/landkreis-freising/landkreis/bericht/pdf');
	expect(pdf.headers()['content-type']).toBe('application/pdf');
});
