import { ACCOUNTS, expect, newNoScriptPage, signInAs, test, visit } from '../fixtures';

const DISTRICT = '/app/landkreis-freising/konzept/gemeinden';
const ASYLUM = 'Untergebrachte Asylsuchende und Geflüchtete';

const square = (x: number, y: number) => [
	[
		[x, y],
		[x + 0.1, y],
		[x + 0.1, y + 0.1],
		[x, y + 0.1],
		[x, y]
	]
];
const geojson = (...keys: string[]) =>
	JSON.stringify({
		type: 'FeatureCollection',
		features: keys.map((AGS, i) => ({
			type: 'Feature',
			properties: { AGS },
			geometry: { type: 'Polygon', coordinates: square(11.6 + i * 0.1, 48.4) }
		}))
	});

test('the district coordinator compares the municipalities on a map and in tables, and uploads boundaries', async ({
	browser
}) => {
	test.setTimeout(120_000);
	// without JavaScript: the map, the bars and the tables are all served as HTML and SVG
	const page = await newNoScriptPage(browser);
	await signInAs(page, ACCOUNTS.coordinatorFreising);
	await visit(page, DISTRICT);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gemeinden im Vergleich');
	await expect(
		page.getByRole('img', { name: `Karte: ${ASYLUM} je 1.000 Einwohner:innen` })
	).toBeVisible();
	const table = page.getByRole('table', { name: `${ASYLUM}: letzter Wert je Gemeinde` });
	// the 8 demo municipalities under the header (9 with the one the admin spec adds earlier)
	await expect(table.getByRole('row').nth(8)).toBeVisible();
	expect(await table.getByRole('row').count()).toBeLessThanOrEqual(10);
	await expect(table.getByRole('columnheader', { name: 'je 1.000 Einwohner:innen' })).toBeVisible();
	// the 2023 figure of Au is missing: its latest one is from 2022 and says so
	await expect(table.getByRole('row').filter({ hasText: 'Markt Au i.d.Hallertau' })).toContainText(
		'31.12.2022'
	);
	const share = page.getByRole('table', {
		name: 'Anteil der Ausländer:innen an der Bevölkerung: letzter Wert je Gemeinde'
	});
	await expect(share.getByRole('row').filter({ hasText: 'Gemeinde Zolling' })).toContainText(
		'keine Angabe'
	);
	await expect(page.getByText('schematische Sechsecke')).toBeVisible();

	// a broken file: named error, nothing saved
	await page.getByLabel('oder Inhalt einfügen').fill('{"type": "FeatureCollection", ');
	await page.getByRole('button', { name: 'Karte hochladen' }).click();
	await expect(page.getByRole('alert')).toContainText('Die Datei ist kein gültiges JSON.');
	await expect(page.getByText('Aktuelle Karte: 8 Gemeinden')).toBeVisible();

	// boundaries of two municipalities and one key of another district
	await page.getByLabel('oder Inhalt einfügen').fill(geojson('09178124', '09178143', '03151009'));
	await page.getByRole('button', { name: 'Karte hochladen' }).click();
	await expect(page.getByText('Karte gespeichert: 2 Gemeinden zugeordnet.')).toBeVisible();
	await expect(
		page.getByText('Nicht zugeordnet (kein Gemeindeschlüssel des Landkreises): 03151009')
	).toBeVisible();
	await visit(page, DISTRICT);
	await expect(page.getByText('Aktuelle Karte: 2 Gemeinden')).toBeVisible();
	await expect(page.locator('svg.chart-map').first().locator('path.map-area')).toHaveCount(2);
	await page.context().close();
});

test("a municipality's coordinator enters the town's own figures and sees no other municipality's", async ({
	page
}) => {
	await signInAs(page, ACCOUNTS.coordinatorMoosburg);
	await visit(page, '/app/moosburg/kennzahlen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kennzahlen der Gemeinde');
	await page.getByLabel('Kennzahl').selectOption({ label: 'Plätze in Sprachkursen (Plätze)' });
	await page.getByLabel('Datum').fill('2024-12-31');
	await page.getByLabel('Wert (Pflichtfeld)').fill('155');
	await page.getByRole('button', { name: 'Wert speichern' }).click();
	await expect(page.getByText('Wert gespeichert.')).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Werte von Stadt Moosburg a.d.Isar: Plätze in Sprachkursen' })
	).toContainText('31.12.2024');
	await visit(page, page.url());

	// neither another municipality's page nor the district's comparison
	for (const path of ['/app/eching/kennzahlen', DISTRICT]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
});
