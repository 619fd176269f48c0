import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const OFFER = 'Interkulturelle Kompetenz für Ehrenamtliche';

test('an editor changes a published offer, the coordinator approves it, a visitor finds it without JavaScript', async ({
	browser
}) => {
	const word = `Zeltlager${Date.now().toString(36)}`;
	const newTitle = `${OFFER} – ${word}`;

	// The editor of "Stadt Landshut – Integrationsbeauftragte" changes the title.
	const editor = await signedInPage(browser, ACCOUNTS.editorLandshut);
	await visit(editor, '/app/landshut/angebote');
	await editor.getByRole('link', { name: OFFER, exact: true }).click();
	await expectAccessible(editor);
	await editor.locator('[name="text_de_title"]').fill(newTitle);
	await editor.getByRole('button', { name: 'Änderung zur Prüfung einreichen' }).click();
	await expect(editor.getByText('Ihre Änderung wurde zur Prüfung eingereicht.')).toBeVisible();
	await expectAccessible(editor);

	// Not live yet: the public finder does not know the new word.
	const visitor = await newNoScriptPage(browser);
	await visitor.goto(`/landshut/angebote?q=${word}`);
	await expect(visitor.getByRole('link', { name: newTitle })).toHaveCount(0);

	// The coordinator approves it from the review queue.
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/pruefung');
	await coordinator
		.getByRole('link', { name: /Änderung prüfen|Interkulturelle Kompetenz/ })
		.first()
		.click();
	await expectAccessible(coordinator);
	await expect(coordinator.getByText(word).first()).toBeVisible();
	await coordinator.getByRole('button', { name: 'Freigeben' }).click();
	await expect(coordinator.getByRole('button', { name: 'Freigeben' })).toHaveCount(0);
	await expectAccessible(coordinator);

	// A visitor without JavaScript searches and finds it, then opens it.
	await visitor.goto('/landshut/angebote');
	await visitor.getByRole('searchbox').or(visitor.locator('[name="q"]')).first().fill(word);
	await visitor.getByRole('button', { name: 'Suchen' }).click();
	await expect(visitor).toHaveURL(new RegExp(`q=${word}`));
	await visitor.getByRole('link', { name: newTitle }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();
	// The fixture checks pages without JavaScript as served, in a scripted twin context.
	await expectAccessible(visitor);
	await visitor.goto(`/landshut/angebote?q=${word}`);
	await expectAccessible(visitor);
});
