// The network's own legal texts kept per language (issue 12): Landshut's Impressum is
// machine-translated into Arabic in the demo; the coordinator corrects it and marks it reviewed.
// Arabic readers see it right to left, English readers get German with the note.
import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const REVIEWED_IMPRINT = [
	'مدينة لاندسهوت\nمفوّضة شؤون الاندماج في مدينة لاندسهوت\nAltstadt 315\n84028 Landshut',
	'مدينة لاندسهوت هيئة محلية من هيئات القانون العام، ويمثّلها رئيس البلدية (Oberbürgermeister).',
	'البريد الإلكتروني: integration@landshut.example',
	'المسؤولة عن محتوى صفحات شبكة الاندماج: مفوّضة شؤون الاندماج في مدينة لاندسهوت، والعنوان كما هو مذكور أعلاه.'
].join('\n\n');

test('a coordinator reviews the Arabic Impressum; Arabic readers see it right to left, English readers get German with a note', async ({
	browser
}) => {
	// several pages, each checked with axe, on a shared two-core machine
	test.setTimeout(180_000);

	// Before: the Arabic Impressum is machine-translated, and marked so.
	const visitor = await newNoScriptPage(browser);
	await visitor.goto('/ar/landshut/impressum');
	await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
	const own = visitor.locator('main .own-text');
	await expect(own).toHaveAttribute('lang', 'ar');
	await expect(own).toContainText('ويمثّلها العمدة الأول');
	await expect(
		visitor.getByText('ترجمة آلية – قد يحتوي النص على أخطاء.', { exact: false })
	).toBeVisible();

	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/uebersetzungen');
	const coverage = coordinator.getByRole('table', {
		name: 'Anzahl der Texte je Sprache und Inhalt nach Stand'
	});
	await expect(
		coverage
			.getByRole('cell', { name: 'Rechtstexte (Impressum, Datenschutz, Barrierefreiheit)' })
			.first()
	).toBeVisible();

	// the worklist: the machine-translated Arabic legal texts
	await coordinator.locator('select[name="sprache"]').selectOption('ar');
	await coordinator.locator('select[name="stand"]').selectOption('machine');
	await coordinator.locator('select[name="inhalt"]').selectOption('legal');
	await coordinator.getByRole('button', { name: 'Anzeigen' }).click();
	await expectAccessible(coordinator);
	const entry = coordinator.getByRole('listitem').filter({ hasText: 'Rechtstexte' });
	await expect(entry).toHaveCount(1);
	await entry.getByRole('link', { name: 'Übersetzen' }).click();
	await expect(coordinator).toHaveURL(/\/app\/landshut\/uebersetzungen\/legal\/[^/]+\/ar$/);
	await expect(coordinator.getByTestId('translation-state')).toContainText('Maschinell übersetzt');
	await expect(coordinator.getByText('Verantwortlich für die Inhalte des Netzwerks')).toBeVisible();
	await expectAccessible(coordinator);

	const imprint = coordinator.getByLabel('Impressum (Arabisch)');
	await expect(imprint).toHaveAttribute('dir', 'rtl');
	await imprint.fill(REVIEWED_IMPRINT);
	await coordinator.getByRole('button', { name: 'Speichern und als geprüft markieren' }).click();
	await expect(
		coordinator.getByText('Die Übersetzung wurde gespeichert und als geprüft markiert.')
	).toBeVisible();
	await expect(coordinator.getByTestId('translation-state')).toContainText('Geprüft');
	await expectAccessible(coordinator);
	await coordinator.context().close();

	// After: the Arabic reader sees the reviewed Impressum, right to left, with no note.
	await visitor.goto('/ar/landshut/impressum');
	await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(own).toHaveAttribute('lang', 'ar');
	await expect(own).toContainText('ويمثّلها رئيس البلدية (Oberbürgermeister)');
	await expect(visitor.locator('main .translation-note')).toHaveCount(0);
	await expectAccessible(visitor);
	// the privacy addendum was reviewed with it
	await visitor.goto('/ar/landshut/datenschutz');
	await expect(own).toHaveAttribute('lang', 'ar');
	await expect(own).toContainText('قائمة مراسلات');
	await expectAccessible(visitor);

	// English has no translation: German (marked as German) with the note in English.
	await visitor.goto('/en/landshut/impressum');
	await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
	await expect(own).toHaveAttribute('lang', 'de');
	await expect(own).toContainText('Gebietskörperschaft des öffentlichen Rechts');
	await expect(
		visitor.getByText(
			'This text is not yet available in your language. It is only available in German.'
		)
	).toBeVisible();
	await expectAccessible(visitor);

	// The German page is as before: the coordinator's text, no note.
	await visitor.goto('/landshut/impressum');
	await expect(own).toHaveAttribute('lang', 'de');
	await expect(own).toContainText('Sie wird vertreten durch den Oberbürgermeister.');
	await expect(visitor.locator('main .translation-note')).toHaveCount(0);
	await expectAccessible(visitor);
	await visitor.context().close();
});
