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

/** Deputy speaker of the Arbeitskreis Bildung in the demo (src/lib/server/demo/papers.ts). */
const SPEAKER = 'ak-bildung@gifhorn.example';
const SLUG = 'landkreis-gifhorn';

// Three people, about a dozen pages, each checked with axe-core: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

test('a speaker submits a paper, the coordinator puts it on the steering group agenda and records the decision, the working group sees its instruction', async ({
	browser
}) => {
	const title = `Lernpatenschaften für Seiteneinsteiger:innen ${Date.now().toString(36)}`;

	// 1. The speaker writes and submits the paper — without JavaScript.
	const speaker = await newNoScriptPage(browser);
	await signInAs(speaker, SPEAKER);
	await visit(speaker, `/app/${SLUG}/vorlagen`);
	await speaker.getByRole('link', { name: 'Neue Vorlage' }).click();
	await expect(speaker.getByRole('heading', { level: 1 })).toHaveText('Neue Vorlage');
	await expectAccessible(speaker);
	// errors are shown next to the fields and the input is kept
	await speaker.getByLabel('Titel *').fill('');
	await speaker.getByRole('button', { name: 'Vorlage anlegen' }).click();
	await expect(speaker.locator('#f-title-error')).toHaveText('Bitte geben Sie einen Titel ein.');
	await expectAccessible(speaker);
	await speaker.getByLabel('Art der Vorlage *').selectOption({ label: 'Beschlussvorlage' });
	await speaker.getByLabel('Titel *').fill(title);
	await expect(speaker.getByLabel('Einreichendes Gremium')).toHaveValue(/.+/);
	await expect(speaker.getByLabel('Einreichendes Gremium').locator('option:checked')).toHaveText(
		'Arbeitskreis Bildung'
	);
	await speaker.getByLabel('Gerichtet an').selectOption({ label: 'Steuerungsgruppe Integration' });
	await speaker
		.getByLabel('Text', { exact: true })
		.fill(
			'Der Arbeitskreis schlägt vor:\n\n- Lernpat:innen für **Seiteneinsteiger:innen** ab Klasse 7\n- <script>alert(1)</script> wird nicht ausgeführt'
		);
	await speaker.getByRole('button', { name: 'Vorlage anlegen' }).click();
	await expect(speaker.getByRole('status')).toContainText(
		/Die Vorlage \d{3}\/\d{4} wurde angelegt\./
	);
	await expect(speaker.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(speaker.locator('.paper-text strong')).toHaveText('Seiteneinsteiger:innen');
	await expect(speaker.locator('.paper-text')).toContainText('<script>alert(1)</script>');
	await expect(speaker.locator('.paper-text script')).toHaveCount(0);
	await expectAccessible(speaker);
	const paperUrl = new URL(speaker.url()).pathname;
	const reference = (await speaker.getByRole('heading', { level: 1 }).textContent())!.match(
		/\d{3}\/\d{4}/
	)![0];
	await speaker.getByRole('button', { name: 'Einreichen' }).click();
	await expect(speaker.getByRole('status')).toHaveText(
		'Der Stand der Vorlage ist jetzt: Eingereicht.'
	);
	// after submission the speaker may only withdraw it
	await expect(speaker.getByRole('button', { name: 'Zurückziehen' })).toBeVisible();
	await expect(speaker.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0);
	await expectAccessible(speaker);

	// 2. The coordinator assembles the steering group's agenda from the submitted papers.
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
	await visit(coordinator, `/app/${SLUG}/vorlagen`);
	await coordinator
		.getByRole('listitem')
		.filter({ hasText: 'Steuerungsgruppe Integration' })
		.first()
		.getByRole('link')
		.click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(
		'Steuerungsgruppe Integration'
	);
	await expectAccessible(coordinator);
	const row = coordinator.getByRole('row').filter({ hasText: reference });
	await row.getByRole('button', { name: /Auf die Tagesordnung setzen/ }).click();
	await expect(coordinator.getByRole('status')).toContainText(
		/jetzt als TOP \d+ auf der Tagesordnung/
	);
	await expectAccessible(coordinator);

	// 3. The decision with an instruction to the working group.
	const item = coordinator.getByRole('article').filter({ hasText: reference });
	const form = item.locator('form');
	await form.getByLabel('Ergebnis', { exact: true }).selectOption({ label: 'Beschlossen' });
	await form.getByLabel('Beschlusstext').fill('Die Steuerungsgruppe stimmt zu.');
	const first = form.getByRole('group', { name: 'Handlungsanweisung 1' });
	await first.getByLabel('Was ist zu tun?').fill(`Lernpat:innen gewinnen (${reference})`);
	await first.getByLabel('An welches Gremium?').selectOption({ label: 'Arbeitskreis Bildung' });
	await first.getByLabel('Fällig bis (optional)').fill('2030-03-31');
	await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
	await expect(coordinator.getByRole('status')).toHaveText(
		'Das Ergebnis wurde gespeichert; das einreichende Gremium wurde benachrichtigt.'
	);
	await expect(coordinator.getByRole('article').filter({ hasText: reference })).toContainText(
		'Ergebnis: Beschlossen'
	);
	await expectAccessible(coordinator);

	// 4. The working group sees the decision and its instruction.
	await visit(speaker, paperUrl);
	await expect(speaker.locator('.facts')).toContainText('Beschlossen');
	await expect(speaker.getByRole('table', { name: 'Beratungen der Vorlage' })).toContainText(
		'Beschlossen – Die Steuerungsgruppe stimmt zu.'
	);
	await visit(speaker, `/app/${SLUG}/vorlagen/anweisungen`);
	const instruction = speaker
		.getByRole('row')
		.filter({ hasText: `Lernpat:innen gewinnen (${reference})` });
	await expect(instruction).toContainText('Arbeitskreis Bildung');
	await expect(instruction).toContainText('31.03.2030');
	await expect(instruction).toContainText('offen');

	await coordinator.context().close();
	await speaker.context().close();
});

test('status reports: the coordinator reads the frozen demo report and a public visitor reads Laatzen’s Mitteilung 144/2009', async ({
	browser,
	page
}) => {
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
	await visit(coordinator, `/app/${SLUG}/berichte`);
	await coordinator
		.getByRole('link', { name: /Sachstandsbericht/ })
		.first()
		.click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText('Sachstandsbericht');
	await expectAccessible(coordinator);
	const pdf = await coordinator.request.get(`${new URL(coordinator.url()).pathname}/pdf/1`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 8).toString()).toBe('%PDF-1.7');
	await visit(coordinator, `${new URL(coordinator.url()).pathname}/html/1`);
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText('Sachstandsbericht');

	// the coordinator adds a paper type and sees the workflow graph
	await visit(coordinator, `/app/${SLUG}/vorlagen/einstellungen`);
	await expect(
		coordinator.getByRole('table', { name: 'Schritte des Ablaufs und wer sie gehen darf' })
	).toContainText('Sprecher:innen des einreichenden Gremiums');
	const key = `stellungnahme_${Date.now().toString(36)}`;
	await coordinator.getByLabel('Bezeichnung (z. B. Stellungnahme)').fill('Stellungnahme');
	await coordinator.getByLabel('Schlüssel (z. B. stellungnahme)').fill(key);
	await coordinator.getByRole('button', { name: 'Vorlagenart hinzufügen' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Die Vorlagenart wurde hinzugefügt.');
	await expect(coordinator.getByRole('table', { name: 'Vorlagenarten' })).toContainText(key);
	await expectAccessible(coordinator);
	await coordinator.context().close();

	await visit(page, '/laatzen/vorlagen');
	await page.getByRole('link', { name: 'Konsultationsprozess zur Integrationsarbeit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Mitteilung 144/2009: Konsultationsprozess zur Integrationsarbeit'
	);
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Sprachförderung in den Kindertagesstätten' })
	).toBeVisible();
	await expectAccessible(page);
});
