import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const OFFER = 'Sprachförderung in Kindertagesstätten';
const GERMAN_ONLY = 'Fest der Begegnung zur Interkulturellen Woche';
const ARABIC_TITLE = 'تعزيز اللغة في دور الحضانة';

test('a coordinator sees the coverage, translates an offer into Arabic and marks it reviewed; an Arabic reader sees it, and a German-only offer with a note', async ({
	browser
}) => {
	// several pages, each checked with axe, on a shared two-core machine
	test.setTimeout(180_000);
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/uebersetzungen');
	await expect(coordinator.getByRole('heading', { name: 'Übersetzungen', level: 1 })).toBeVisible();
	await expect(
		coordinator.getByRole('table', { name: 'Anzahl der Texte je Sprache und Inhalt nach Stand' })
	).toBeVisible();
	// the demo has no translation service configured
	await expect(
		coordinator.getByText('Maschinelle Übersetzung ist nicht eingerichtet.')
	).toBeVisible();

	// the worklist: Arabic offers without a translation
	await coordinator.locator('select[name="sprache"]').selectOption('ar');
	await coordinator.locator('select[name="stand"]').selectOption('missing');
	await coordinator.locator('select[name="inhalt"]').selectOption('offer');
	await coordinator.getByRole('button', { name: 'Anzeigen' }).click();
	await expectAccessible(coordinator);
	const entry = coordinator.getByRole('listitem').filter({ hasText: OFFER });
	await entry.getByRole('link', { name: 'Übersetzen' }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(OFFER);
	await expect(coordinator.getByTestId('translation-state')).toContainText('Fehlt');
	await expectAccessible(coordinator);
	const offerId = coordinator.url().split('/').at(-2)!;

	await coordinator.getByLabel('Titel (Arabisch)').fill(ARABIC_TITLE);
	await coordinator
		.getByLabel('Beschreibung (Arabisch)')
		.fill(
			'تعليم اللغة ضمن الحياة اليومية في دور الحضانة المشاركة، مع أمسيات للأهل حول تعدد اللغات.'
		);
	await coordinator.getByRole('button', { name: 'Speichern und als geprüft markieren' }).click();
	await expect(
		coordinator.getByText('Die Übersetzung wurde gespeichert und als geprüft markiert.')
	).toBeVisible();
	await expect(coordinator.getByTestId('translation-state')).toContainText('Geprüft');
	await expectAccessible(coordinator);

	// A visitor reading Arabic (the Arabic address, without JavaScript) sees it.
	const visitor = await newNoScriptPage(browser);
	await visitor.goto(`/ar/landshut/angebote/${offerId}`);
	const heading = visitor.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText(ARABIC_TITLE);
	await expect(heading).toHaveAttribute('lang', 'ar');
	await expect(visitor.getByText('هذا العرض غير متوفر بلغتك بعد.', { exact: false })).toHaveCount(
		0
	);
	await expectAccessible(visitor);

	// An offer only in German: German text (lang="de") and the note in Arabic.
	await visitor.goto(`/ar/landshut/angebote?q=${encodeURIComponent(GERMAN_ONLY)}`);
	await visitor.getByRole('link', { name: GERMAN_ONLY }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'de');
	await expect(
		visitor.getByText('هذا العرض غير متوفر بلغتك بعد. النص متاح باللغة الألمانية فقط.')
	).toBeVisible();
	await expectAccessible(visitor);
});
