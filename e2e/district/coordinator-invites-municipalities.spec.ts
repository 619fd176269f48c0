import { ACCOUNTS, expect, expectAccessible, signedInPage, test, visit } from '../fixtures';

/**
 * Issue 17, item 3: the invitation of the Vernetzungstreffen der Gemeinden goes to each
 * municipality's coordinators, mayor and the contact persons it marked. Moosburg's coordinator
 * marks a new contact person for the meetings; the district's coordinator marks Stadt Freising's,
 * sees the series planned half-yearly, previews who in which municipality gets the invitation,
 * and sends it.
 */
test('a municipality marks a contact person for the networking meetings; the district coordinator previews the municipalities’ recipients and sends', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const tag = Date.now().toString(36);
	const person = `Lena Berger ${tag} (Demo)`;
	const email = `gemeinderat-${tag}@moosburg.example`;

	// Moosburg's coordinator: the mayor is marked; a new contact person is marked for the meetings
	const muni = await signedInPage(browser, 'integration@moosburg.example');
	await visit(muni, '/app/moosburg/ansprechpersonen');
	await expect(muni.getByRole('row').filter({ hasText: 'Claudia Obermaier (Demo)' })).toContainText(
		'Bürgermeister:in'
	);
	await muni.getByRole('textbox', { name: /^Name/ }).fill(person);
	await muni
		.getByRole('textbox', { name: /^Funktion/ })
		.fill('Gemeinderätin, Integrationsreferentin');
	await muni.getByLabel('Zu den Vernetzungstreffen des Landkreises einladen').check();
	await muni.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
	// without an address there is nobody to invite
	await expect(
		muni
			.getByText('Für die Einladung zu den Vernetzungstreffen wird eine E-Mail-Adresse gebraucht.')
			.first()
	).toBeVisible();
	await expectAccessible(muni);
	await muni.getByRole('textbox', { name: /^E-Mail/ }).fill(email);
	await muni.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
	await expect(muni.getByRole('heading', { level: 1 })).toHaveText(person);
	await expect(muni.getByLabel('Zu den Vernetzungstreffen des Landkreises einladen')).toBeChecked();
	await expectAccessible(muni);
	await muni.context().close();

	// The district's coordinator marks Stadt Freising's contact person for the meetings
	const district = await signedInPage(browser, ACCOUNTS.coordinatorFreising);
	await visit(district, '/app/landkreis-freising/ansprechpersonen');
	await district
		.getByRole('link', {
			name: 'Bürgermeister:innen und Ansprechpersonen der Gemeinden für die Vernetzungstreffen'
		})
		.click();
	await expect(district.getByRole('heading', { level: 1 })).toHaveText(
		'Bürgermeister:innen und Ansprechpersonen der Gemeinden'
	);
	const freisingTown = district.getByRole('region', { name: 'Stadt Freising' });
	const huber = freisingTown.getByRole('listitem').filter({ hasText: 'Petra Huber (Demo)' });
	await expect(
		freisingTown
			.getByRole('listitem')
			.filter({ hasText: 'Tobias Reindl (Demo)' })
			.getByLabel('Erste:r Bürgermeister:in bzw. Oberbürgermeister:in')
	).toBeChecked();
	await huber.getByLabel('Zu den Vernetzungstreffen des Landkreises einladen').check();
	await huber.getByRole('button', { name: 'Speichern: Petra Huber (Demo)' }).click();
	await expect(district.getByRole('status')).toBeVisible();
	await expect(
		district
			.getByRole('region', { name: 'Stadt Freising' })
			.getByRole('listitem')
			.filter({ hasText: 'Petra Huber (Demo)' })
			.getByLabel('Zu den Vernetzungstreffen des Landkreises einladen')
	).toBeChecked();
	await expectAccessible(district);

	// the series is half-yearly and can be planned ahead
	await visit(district, '/app/landkreis-freising/gremien');
	await district
		.getByRole('link', { name: 'Vernetzungstreffen der Gemeinden zum Thema Integration' })
		.click();
	await expect(district).toHaveURL(/\/app\/landkreis-freising\/gremien\/[0-9a-f-]{36}$/);
	const bodyPath = new URL(district.url()).pathname;
	await visit(district, `${bodyPath}/planung`);
	await expect(district.getByText(/^Turnus: halbjährlich, dienstags um 17:00 Uhr/)).toBeVisible();
	await expect(district.getByRole('heading', { name: 'Nächste Terminvorschläge' })).toBeVisible();

	// the next meeting's invitation page lists the municipalities' recipients
	await visit(district, bodyPath);
	await district
		.getByRole('table', { name: 'Kommende Sitzungen mit Ort und Stand' })
		.getByRole('link')
		.first()
		.click();
	await expect(district).toHaveURL(/\/app\/landkreis-freising\/sitzungen\/[0-9a-f-]{36}$/);
	await visit(district, `${new URL(district.url()).pathname}/einladung`);
	const section = district.getByRole('region', { name: 'Einladungen an die Gemeinden' });
	const recipients = section.getByRole('table', { name: 'Empfänger:innen aus den Gemeinden' });
	const row = (name: string) => recipients.getByRole('row').filter({ hasText: name });
	await expect(row(person)).toContainText('Stadt Moosburg a.d.Isar');
	await expect(row(person)).toContainText('Ansprechperson');
	await expect(row('Claudia Obermaier (Demo)')).toContainText('Bürgermeister:in');
	await expect(row('Sabine Kerschl (Demo)')).toContainText('Gemeinde Eching');
	await expect(row('integration@moosburg.example')).toContainText('Koordination');
	await expect(row('integration@moosburg.example')).toHaveCount(1);
	// Stadt Freising's contact person, marked above
	await expect(row('integration@stadt-freising.example')).toContainText('Petra Huber (Demo)');
	await section.getByText('Einladung an die Gemeinden ansehen').click();
	await expect(section.locator('pre.mail')).toContainText('/vernetzung');
	await expectAccessible(district);

	await expect(
		section.getByText('Diese Personen erhalten die Einladung beim nächsten Senden.')
	).toBeVisible();
	await district.getByRole('button', { name: 'Einladung senden', exact: true }).click();
	await expect(district.getByRole('status')).toContainText(
		/Dazu \d+ Einladungen an Personen aus den Gemeinden\./
	);
	// a later "send" does not mail them again
	await expect(
		section.getByText('Diese Personen haben die Einladung erhalten.', { exact: false })
	).toBeVisible();
	await expectAccessible(district);
});
