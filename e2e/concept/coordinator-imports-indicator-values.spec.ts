import { ACCOUNTS, expect, newNoScriptPage, signInAs, test, visit } from '../fixtures';

const SLUG = 'landkreis-gifhorn';
const INDICATOR = 'Schulabgänger:innen ohne Abschluss, ausländische Jugendliche';

/** A table as the statistical office exports it: title lines, decimal comma, signs, footer. */
const csv = (badValue: string) =>
	[
		'Landesamt für Statistik Niedersachsen;;',
		'Schulabgänger:innen ohne Abschluss, ausländische Jugendliche (Anteil in %);;',
		';;',
		'Jahr;Gemeinde;Wert',
		'2019;;14,1',
		'2020;;13,0',
		`2021;;${badValue}`,
		'2022;;11,0',
		'2023;;10,1',
		'2024;;.',
		'__________',
		'© Landesamt für Statistik Niedersachsen'
	].join('\n');

test('the coordinator imports indicator values and the dashboard shows the new trend', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000); // many pages, each checked with axe-core
	await signInAs(page, ACCOUNTS.coordinatorGifhorn);
	await visit(page, `/app/${SLUG}/konzept`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Integrationskonzept: Übersicht'
	);
	const row = page.getByRole('row').filter({ hasText: INDICATOR });
	await expect(row).toContainText('keine ausreichenden Daten');

	await row.getByRole('link', { name: INDICATOR }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(INDICATOR);
	await visit(page, page.url());

	// a bad value: the preview names the line and offers no way to save
	await page.getByLabel('oder Inhalt einfügen').fill(csv('zwölf'));
	await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
	await expect(page.getByText('Die Datei enthält Fehler.')).toBeVisible();
	await expect(page.getByText('Zeile 7: „zwölf“ ist keine Zahl.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Werte speichern' })).toHaveCount(0);

	// corrected: preview, then save
	await page.getByLabel('oder Inhalt einfügen').fill(csv('12,2'));
	await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
	await expect(
		page.getByText('5 Werte, 1 Zeilen ohne Wert (Sonderzeichen), 0 Fehler')
	).toBeVisible();
	await expect(page.getByRole('table', { name: 'Gelesene Zeilen' })).toContainText('12,2');
	await page.getByRole('button', { name: 'Werte speichern' }).click();
	await expect(
		page.getByText('5 Werte gespeichert, 1 Zeilen ohne Wert übersprungen.')
	).toBeVisible();
	await expect(page.getByTestId('values-table')).toContainText('31.12.2023');
	await expect(page.getByTestId('trend')).toContainText('auf Kurs');
	await expect(page.locator('svg[role="img"] title').first()).toHaveText(`Verlauf: ${INDICATOR}`);
	await visit(page, page.url());

	// the dashboard counts the indicator as on track now
	await visit(page, `/app/${SLUG}/konzept`);
	await expect(page.getByRole('row').filter({ hasText: INDICATOR })).toContainText('auf Kurs');

	// the public concept shows the values without JavaScript and hides internal measures
	const visitor = await newNoScriptPage(browser);
	await visit(visitor, `/${SLUG}/konzept`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
		'Integrationskonzept – Landkreis Gifhorn'
	);
	await expect(visitor.getByRole('table', { name: `Gemessene Werte: ${INDICATOR}` })).toContainText(
		'10,1 %'
	);
	await expect(visitor.getByText('Sprachförderung in den Kindertagesstätten')).toBeVisible();
	await expect(
		visitor.getByText('Sofortige Reaktion auf ausländerfeindliche Aktivitäten')
	).toHaveCount(0);
	await visitor.context().close();
});

test('every concept page of the coordinator is accessible', async ({ page }) => {
	test.setTimeout(120_000); // many pages, each checked with axe-core
	await signInAs(page, ACCOUNTS.coordinatorGifhorn);
	for (const path of [
		'struktur',
		'indikatoren',
		'roadmap',
		'priorisierung',
		'ausgaben',
		'zustaende'
	]) {
		await visit(page, `/app/${SLUG}/konzept/${path}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	}
	// the diff of the two editions
	await visit(page, `/app/${SLUG}/konzept/ausgaben`);
	await page.getByRole('button', { name: 'Vergleichen' }).click();
	await expect(page.getByText('8 neu, 0 entfallen, 0 geändert, 8 unverändert')).toBeVisible();
	await visit(page, page.url());
	// a measure with its history, milestones and links
	await visit(page, `/app/${SLUG}/konzept/struktur`);
	await page.getByRole('link', { name: 'Sprachförderung in den Kindertagesstätten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Sprachförderung in den Kindertagesstätten'
	);
	await visit(page, page.url());
	await page.getByLabel('Fortschritt in Prozent (optional)').first().fill('75');
	await page.getByLabel('Bemerkung').fill('Zwei weitere Kitas');
	await page.getByRole('button', { name: 'Stand speichern' }).click();
	await expect(page.getByRole('table', { name: /Änderungen von Umsetzungsstand/ })).toContainText(
		'Zwei weitere Kitas'
	);
	await visit(page, `/app/${SLUG}/konzept/indikatoren/neu`);
});

test('the district coordinator compares the municipalities; the roadmap lists measures as text', async ({
	page
}) => {
	await signInAs(page, ACCOUNTS.coordinatorFreising);
	await visit(page, '/app/landkreis-freising/konzept');
	const table = page.getByRole('table', {
		name: 'Anteil der Ausländer:innen an der Bevölkerung: letzter Wert je Gemeinde'
	});
	// every municipality of the district (8) under the header; Zolling has no share: missing
	// the 8 demo municipalities under the header (9 with the one the admin spec adds earlier)
	await expect(table.getByRole('row').nth(8)).toBeVisible();
	expect(await table.getByRole('row').count()).toBeLessThanOrEqual(10);
	await expect(table).toContainText('Gemeinde Neufahrn b.Freising');
	await expect(table.getByRole('row').filter({ hasText: 'Gemeinde Zolling' })).toContainText(
		'keine Angabe'
	);
	// one chart per indicator kept per municipality: population, share, asylum, courses, volunteers
	await expect(
		page.locator('svg[role="img"] title', { hasText: 'im Vergleich der Gemeinden' })
	).toHaveCount(5);
	await visit(page, '/app/landkreis-freising/konzept/roadmap');
	await expect(
		page.getByRole('region', { name: 'Maßnahmen und Meilensteine nach Handlungsfeld' })
	).toContainText('Mobile Elternbegleitung – Beratungsbus in allen Gemeinden');
});
