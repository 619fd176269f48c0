import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signInAs,
	signedInPage,
	test,
	visit
} from '../fixtures';

test('the coordinator plans a meeting from the series, fills the agenda and finds it in the calendar', async ({
	browser
}) => {
	test.slow();
	const name = `AK Ausbildung ${Date.now().toString(36)}`;
	const page = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);

	// A new working group meeting every 6–8 weeks on Thursdays at 18:00.
	await visit(page, '/app/landshut/gremien/neu');
	await page.getByLabel('Art des Gremiums').selectOption('working_group');
	await page.getByRole('textbox', { name: /^Name/ }).fill(name);
	await page.getByLabel('Rhythmus', { exact: true }).selectOption('weeks');
	await page.getByLabel('Frühestens nach … Wochen').fill('6');
	await page.getByLabel('Spätestens nach … Wochen').fill('8');
	await page.getByLabel('Bevorzugter Wochentag').selectOption('4');
	await page.getByLabel('Bevorzugte Uhrzeit').fill('18:00');
	await page.getByRole('button', { name: 'Gremium anlegen' }).click();
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	const bodyPath = new URL(page.url()).pathname;

	// The planning page proposes Thursdays at 18:00.
	await visit(page, `${bodyPath}/planung`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Sitzungen planen: ${name}`);
	await expect(page.getByText('Turnus: alle 6–8 Wochen, donnerstags um 18:00 Uhr')).toBeVisible();
	const proposals = page.locator('ol.proposals > li');
	expect(await proposals.count()).toBeGreaterThanOrEqual(4);
	const first = proposals.first();
	await expect(first.getByRole('heading', { level: 3 })).toHaveText(/^Donnerstag, /);
	await expect(first).toContainText('18:00–20:00 Uhr');
	const date = await first.locator('input[name="date"]').first().inputValue();
	const dateInWords = (await first.getByRole('heading', { level: 3 }).textContent())!.trim();

	// Accept it: a planned meeting, shown with its agenda.
	await first.getByRole('button', { name: `Übernehmen (${dateInWords})` }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}\?angelegt=1$/);
	await expect(page.getByRole('status')).toHaveText('Die Sitzung ist angelegt.');
	const [y, mo, d] = date.split('-');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`${name}: Sitzung am ${d}.${mo}.${y}`
	);
	await expect(page.getByText('Die Tagesordnung hat noch keine Punkte.')).toBeVisible();
	await expectAccessible(page);

	// Two agenda items; an empty title is refused first.
	await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
	await expect(page.locator('#item-new-title-error')).toHaveText(
		'Bitte geben Sie einen Titel für den Tagesordnungspunkt an.'
	);
	await expectAccessible(page);
	await page.locator('#item-new-title').fill('Begrüßung und Vorstellungsrunde');
	await page.locator('#item-new-plannedMinutes').fill('15');
	await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText('Der Tagesordnungspunkt ist hinzugefügt.');
	await page.locator('#item-new-title').fill('Ausbildungswege für Geflüchtete');
	await page.locator('#item-new-description').fill('Vortrag mit anschließender Aussprache');
	await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
	await expect(
		page.getByRole('heading', { level: 3, name: 'TOP 2: Ausbildungswege für Geflüchtete' })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 3, name: 'TOP 1: Begrüßung und Vorstellungsrunde' })
	).toBeVisible();
	await expect(page.getByText('15 Minuten')).toBeVisible();

	// A guest speaker for item 2 (no account needed).
	const speakerForm = page.locator('details', { hasText: 'Referent:in zu TOP 2 hinzufügen' });
	await speakerForm.getByText('Referent:in zu TOP 2 hinzufügen').click();
	await speakerForm.getByLabel('Name').fill('Dr. Leyla Aydın');
	await speakerForm.getByLabel('Organisation oder Funktion').fill('IHK Niederbayern');
	await speakerForm.getByLabel('E-Mail-Adresse (freiwillig)').fill('leyla.aydin@example.org');
	await speakerForm.getByRole('button', { name: 'Referent:in hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Die Referentin oder der Referent ist eingetragen.'
	);
	await expect(
		page.getByRole('listitem').filter({ hasText: /^\s*Dr\. Leyla Aydın \(IHK Niederbayern\)/ })
	).toBeVisible();
	// both items stayed public (the checkbox is on by default for every new item)
	await expect(page.locator('.agenda .meta', { hasText: 'nicht öffentlich' })).toHaveCount(0);
	await expectAccessible(page);

	// An attachment for item 2; an HTML file is refused.
	const upload = page.locator('form[action="?/upload"]');
	await upload.getByLabel('Datei').setInputFiles({
		name: 'seite.html',
		mimeType: 'text/html',
		buffer: Buffer.from('<html><script>alert(1)</script></html>')
	});
	await upload.getByRole('button', { name: 'Anlage hochladen' }).click();
	await expect(page.locator('#upload-file-error')).toHaveText(/Dieser Dateityp ist nicht erlaubt/);
	await upload.getByLabel('Datei').setInputFiles({
		name: 'Ausbildungswege.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n%%EOF\n')
	});
	await upload
		.getByLabel('Gehört zu')
		.selectOption({ label: 'TOP 2: Ausbildungswege für Geflüchtete' });
	await upload.getByRole('button', { name: 'Anlage hochladen' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Anlage ist hochgeladen.');
	const fileLink = page.getByRole('link', { name: 'Ausbildungswege.pdf (PDF, 15 B)' });
	await expect(fileLink).toBeVisible();
	await expectAccessible(page);
	const download = await page.request.get((await fileLink.getAttribute('href'))!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(download.headers()['content-disposition']).toMatch(
		/^inline; filename="Ausbildungswege\.pdf"/
	);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	expect(download.headers()['content-security-policy']).toBe('sandbox');
	expect((await download.body()).toString()).toBe('%PDF-1.4\n%%EOF\n');

	// Without JavaScript the coordinator skips the next proposal.
	const noJs = await newNoScriptPage(browser);
	await signInAs(noJs, ACCOUNTS.coordinatorLandshut);
	await visit(noJs, `${bodyPath}/planung`);
	const next = noJs.locator('ol.proposals > li').first();
	const nextWords = (await next.getByRole('heading', { level: 3 }).textContent())!.trim();
	await next.getByRole('button', { name: `Überspringen (${nextWords})` }).click();
	await expect(noJs.getByRole('status')).toHaveText(
		`Der ${nextWords} wird nicht mehr vorgeschlagen.`
	);
	await expect(
		noJs.getByRole('heading', { level: 2, name: 'Übersprungene Termine' })
	).toBeVisible();
	await expect(
		noJs.locator('ol.proposals > li').first().getByRole('heading', { level: 3 })
	).not.toHaveText(nextWords);
	await expectAccessible(noJs);
	await noJs.context().close();

	// The calendar month shows the meeting on its day, also filtered by the body.
	await visit(page, `/app/landshut/kalender?monat=${y}-${mo}`);
	const month = page.getByRole('table');
	await expect(month.locator('caption')).toHaveText(new RegExp(`^\\s*\\S+ ${y}\\s*$`));
	const link = month.getByRole('link', { name: `18:00 ${name}` });
	await expect(link).toBeVisible();
	await page.getByLabel('Gremium').selectOption({ label: name });
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(/gremium=/);
	await expect(page.getByRole('table').getByRole('link')).toHaveCount(1);
	await expectAccessible(page);
	await page
		.getByRole('table')
		.getByRole('link', { name: `18:00 ${name}` })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`${name}: Sitzung am ${d}.${mo}.${y}`
	);

	// The list view lists it too.
	await visit(page, '/app/landshut/kalender?ansicht=liste');
	await expect(
		page.getByRole('link', { name: `${name}: Sitzung am ${d}.${mo}.${y}` })
	).toBeVisible();

	// The start pages list the next meetings and link to bodies, calendar and tasks.
	await visit(page, '/app/landshut');
	await expect(page.getByRole('heading', { level: 2, name: 'Nächste Sitzungen' })).toBeVisible();
	for (const link of ['Gremien', 'Kalender', 'Meine Aufgaben'])
		await expect(
			page.getByRole('main').getByRole('link', { name: link, exact: true })
		).toBeVisible();
	await expect(page.getByRole('link', { name: 'Alle Sitzungen im Kalender' })).toBeVisible();
	await visit(page, '/app');
	await expect(page.getByRole('heading', { level: 2, name: 'Nächste Sitzungen' })).toBeVisible();
});
