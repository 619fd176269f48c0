import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const NEWS = 'Rückblick: Netzwerktreffen mit dem Beirat für Migration und Integration';
const ARABIC_TITLE = 'لمحة عن لقاء الشبكة مع المجلس الاستشاري للهجرة والاندماج';

test('a coordinator translates a news item into Arabic and marks it reviewed; Arabic readers see it right to left, the about text too; English readers get German with a note', async ({
	browser
}) => {
	// several pages, each checked with axe, on a shared two-core machine
	test.setTimeout(180_000);
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/uebersetzungen');
	// news and the network's about text are counted beside offers
	const coverage = coordinator.getByRole('table', {
		name: 'Anzahl der Texte je Sprache und Inhalt nach Stand'
	});
	await expect(coverage.getByRole('cell', { name: 'Neuigkeiten' }).first()).toBeVisible();
	await expect(
		coverage.getByRole('cell', { name: 'Netzwerkseiten (Über das Netzwerk)' }).first()
	).toBeVisible();

	// the worklist: Arabic news without a translation
	await coordinator.locator('select[name="sprache"]').selectOption('ar');
	await coordinator.locator('select[name="stand"]').selectOption('missing');
	await coordinator.locator('select[name="inhalt"]').selectOption('news');
	await coordinator.getByRole('button', { name: 'Anzeigen' }).click();
	await expectAccessible(coordinator);
	const entry = coordinator.getByRole('listitem').filter({ hasText: NEWS });
	await entry.getByRole('link', { name: 'Übersetzen' }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(NEWS);
	await expect(coordinator.getByTestId('translation-state')).toContainText('Fehlt');
	await expectAccessible(coordinator);
	const newsId = coordinator.url().split('/').at(-2)!;

	await coordinator.getByLabel('Titel (Arabisch)').fill(ARABIC_TITLE);
	await coordinator
		.getByLabel('Kurzfassung (Arabisch)')
		.fill('راجعت الشبكة والمجلس الاستشاري معًا مدى تلبية العروض للاحتياجات.');
	await coordinator
		.getByLabel('Text (Arabisch)', { exact: true })
		.fill(
			'<p>في اللقاء الأخير راجعت الشبكة عروضها مع المجلس الاستشاري للهجرة والاندماج: هل تلبّي الاحتياجات؟</p>\n<p>ستُؤخذ النتائج بعين الاعتبار في عمل الأشهر القادمة.</p>'
		);
	await coordinator.getByRole('button', { name: 'Speichern und als geprüft markieren' }).click();
	await expect(
		coordinator.getByText('Die Übersetzung wurde gespeichert und als geprüft markiert.')
	).toBeVisible();
	await expect(coordinator.getByTestId('translation-state')).toContainText('Geprüft');
	await expectAccessible(coordinator);

	// An Arabic reader (the Arabic address, without JavaScript) sees it, right to left.
	const visitor = await newNoScriptPage(browser);
	await visitor.goto('/ar/landshut/neuigkeiten');
	await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(visitor.getByRole('link', { name: ARABIC_TITLE })).toHaveAttribute('lang', 'ar');
	await expectAccessible(visitor);
	await visitor.goto(`/ar/landshut/neuigkeiten/${newsId}`);
	const heading = visitor.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText(ARABIC_TITLE);
	await expect(heading).toHaveAttribute('lang', 'ar');
	await expect(visitor.locator('.news-body')).toContainText('هل تلبّي الاحتياجات؟');
	await expect(visitor.getByText('هذا الخبر غير متوفر بلغتك بعد.', { exact: false })).toHaveCount(
		0
	);
	await expectAccessible(visitor);

	// The Arabic start page: the about text in Arabic, marked as machine-translated.
	await visitor.goto('/ar/landshut');
	await expect(visitor.locator('#tenant-about')).toHaveAttribute('lang', 'ar');
	await expect(visitor.locator('#tenant-about')).toContainText('الاندماج عملية متبادلة');
	await expect(
		visitor.getByText('ترجمة آلية – قد يحتوي النص على أخطاء.', { exact: false })
	).toBeVisible();
	await expectAccessible(visitor);

	// English readers: the English translation is outdated, so German with the note in English.
	await visitor.goto(`/en/landshut/neuigkeiten/${newsId}`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(NEWS);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'de');
	await expect(
		visitor.getByText(
			'This news item is not yet available in your language. The text is only available in German.'
		)
	).toBeVisible();
	await expectAccessible(visitor);
});
