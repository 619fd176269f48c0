import { ACCOUNTS, expect, expectAccessible, signedInPage, test, visit } from '../fixtures';

test("the district coordinator confirms Eching's request for a Beratungsbus stop; a visitor of Eching's page sees the date and its .ics", async ({
	browser,
	page
}) => {
	test.setTimeout(180_000); // seven pages, each checked with axe-core
	// Before: Eching has asked, but no date is public; its page shows the district office's people
	await visit(page, '/eching');
	await expect(page.getByRole('heading', { name: /Vor Ort in Gemeinde Eching/ })).toHaveCount(0);
	const contacts = page.getByRole('region', { name: 'Ansprechpersonen für Integration' });
	await expect(contacts.getByRole('heading', { name: 'Katrin Hallmayer (Demo)' })).toBeVisible();
	await expect(contacts.getByText('Markus Vogl')).toHaveCount(0); // no consent, never shown

	// The district coordinator decides on the open request
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorFreising);
	await visit(coordinator, '/app/landkreis-freising/unterwegs');
	await expect(coordinator.getByText('1 offene Anfrage(n) von Gemeinden')).toBeVisible();
	const request = coordinator.locator('tr[data-stop-status="requested"]', {
		hasText: 'Gemeinde Eching'
	});
	await expect(request.getByLabel(/^Ort/)).toHaveValue('Bürgerplatz');
	await expect(request.getByLabel(/^Beginn/)).toHaveValue('2027-03-16T09:30');
	await request.getByRole('button', { name: 'Bestätigen' }).click();
	await expect(coordinator.getByText('Gespeichert.')).toBeVisible();
	await expect(
		coordinator.locator('tr[data-stop-status="requested"]', { hasText: 'Gemeinde Eching' })
	).toHaveCount(0);
	await expectAccessible(coordinator);
	await coordinator.context().close();

	// After: the anonymous visitor of Eching's page sees the stop, with its calendar file
	await visit(page, '/eching');
	const section = page.getByRole('region', { name: /Vor Ort in Gemeinde Eching/ });
	await expect(section.getByText('Bürgerplatz, Gemeinde Eching')).toBeVisible();
	const ics = section.getByRole('link', { name: /In den Kalender \(\.ics\)/ });
	const file = await page.request.get((await ics.getAttribute('href'))!);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toContain('text/calendar');
	const text = await file.text();
	expect(text).toContain('DTSTART;TZID=Europe/Berlin:20270316T093000');
	expect(text).toContain('Bürgerplatz');

	// …and in Eching's finder, as a date beside the offers
	await visit(page, '/eching/angebote?q=Beratungsbus');
	const dates = page.getByRole('region', { name: 'Termine vor Ort' });
	await expect(dates.getByText('Bürgerplatz, Gemeinde Eching')).toBeVisible();

	// A family in Moosburg finds the next stop in Moosburg, in Arabic too
	await visit(page, '/moosburg');
	await expect(
		page
			.getByRole('region', { name: /Vor Ort in Stadt Moosburg/ })
			.getByText('Stadtplatz, Stadt Moosburg a.d.Isar')
			.first()
	).toBeVisible();
	await visit(page, '/ar/moosburg/unterwegs');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('مواعيد في الموقع');
	await expect(page.getByText('Stadtplatz, Stadt Moosburg a.d.Isar').first()).toBeVisible();
});

test('the district coordinator records a contact person’s consent; only then does the person appear on the municipalities’ pages', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	const person = 'Markus Vogl (Demo, ohne Einwilligung)';
	await visit(page, '/neufahrn');
	await expect(page.getByText(person)).toHaveCount(0);

	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorFreising);
	await visit(coordinator, '/app/landkreis-freising/ansprechpersonen');
	const row = coordinator.getByRole('row', { name: new RegExp(person.replace(/[()]/g, '.')) });
	await expect(row).toContainText('nicht öffentlich');
	await row.getByRole('link', { name: person }).click();
	await expect(coordinator.getByRole('heading', { level: 1, name: person })).toBeVisible();
	await expectAccessible(coordinator);
	// without ticking the confirmation the consent is refused, with a message
	await coordinator.getByRole('button', { name: 'Einwilligung eintragen' }).click();
	await expect(
		coordinator
			.getByText('Bitte bestätigen Sie, dass die Person dieser Erklärung zugestimmt hat.')
			.first()
	).toBeVisible();
	await coordinator.getByLabel('Die Person hat diesem Text zugestimmt.').check();
	await coordinator.getByRole('button', { name: 'Einwilligung eintragen' }).click();
	await expect(coordinator.getByText('öffentlich (Einwilligung liegt vor)')).toBeVisible();
	await expectAccessible(coordinator);
	await coordinator.context().close();

	await visit(page, '/neufahrn');
	const contacts = page.getByRole('region', { name: 'Ansprechpersonen für Integration' });
	await expect(contacts.getByRole('heading', { name: 'Ahmad Rahimi (Demo)' })).toBeVisible();
	await expect(contacts.getByRole('heading', { name: person })).toBeVisible();
});
