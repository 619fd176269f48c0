import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const PROCESS = 'Fortschreibung des Integrationskonzepts: sechs Monate thematischer Austausch';
const YOUTH_DIALOGUE = 'Integrations-Dialog für Jugendliche 2026';

test('a contribution to the youth dialogue becomes part of a recommendation, and its author sees it', async ({
	browser
}) => {
	// several pages, each checked with axe-core, and two pauses of a person filling in a form
	test.setTimeout(120_000);
	const idea = `Ein Sprachcafé im Jugendzentrum ${Date.now().toString(36)}`;
	const title = `Sprachcafés für Jugendliche ${Date.now().toString(36)}`;

	// A young visitor, without JavaScript and without an account, writes a contribution.
	const visitor = await newNoScriptPage(browser);
	await visit(visitor, '/laatzen/beteiligung');
	await visitor.getByRole('link', { name: PROCESS }).click();
	await expectAccessible(visitor);
	await expect(visitor.getByRole('link', { name: YOUTH_DIALOGUE })).toBeVisible();
	await visitor.getByRole('textbox', { name: /^Ihre Idee/ }).fill(idea);
	await visitor
		.getByLabel(/^Handlungsfeld/)
		.selectOption({ label: 'Information, Sprache und Bildung' });
	await visitor.getByLabel('Für wen? (freiwillig)').selectOption({ label: 'Jugendliche' });
	await visitor
		.getByLabel('Zu welchem Dialog? (freiwillig)')
		.selectOption({ label: YOUTH_DIALOGUE });
	await visitor.waitForTimeout(3_200);
	await visitor.getByRole('button', { name: 'Beitrag senden' }).click();
	await expect(visitor).toHaveURL(/\/laatzen\/beteiligung\/beitrag\/[^/?]+\?neu=1$/);
	await expect(visitor.getByTestId('contribution-state')).toHaveText('wartet auf Freigabe');
	await expectAccessible(visitor);
	const trackUrl = visitor.url().replace(/\?neu=1$/, '');

	// The coordinator publishes it and draws a recommendation from it.
	const staff = await signedInPage(browser, ACCOUNTS.coordinatorLaatzen);
	await visit(staff, '/app/laatzen/beteiligung');
	await staff.getByRole('link', { name: PROCESS }).click();
	await expectAccessible(staff);
	await staff.getByRole('link', { name: /^Beiträge/ }).click();
	await expectAccessible(staff);
	// the contribution's own entry (other entries name it in their "duplicate of" list)
	const item = () =>
		staff
			.locator('ol.contribution-list > li')
			.filter({ has: staff.locator('p.prewrap', { hasText: idea }) });
	await item()
		.getByRole('button', { name: /^Freigeben/ })
		.click();
	await expect(staff.getByRole('status')).toHaveText('Der Beitrag wurde freigegeben.');
	await item()
		.getByRole('checkbox', { name: /^Auswählen/ })
		.check();
	await staff.getByRole('button', { name: 'Neue Empfehlung aus der Auswahl' }).click();
	await expect(staff.getByRole('heading', { name: 'Neue Handlungsempfehlung' })).toBeVisible();
	await expect(staff.getByText(idea)).toBeVisible();
	await expectAccessible(staff);
	await staff
		.getByRole('textbox', { name: /^Titel/ })
		.last()
		.fill(title);
	await staff.getByRole('button', { name: 'Empfehlung anlegen' }).click();
	await expect(staff.getByRole('status')).toHaveText(`Die Empfehlung „${title}“ wurde angelegt.`);
	const rec = staff
		.getByRole('article')
		.filter({ has: staff.getByRole('heading', { name: title }) });
	// the recommendation leads back to the contribution
	await rec.getByText('Beruht auf 1 Beitrag').click();
	await expect(rec.getByRole('link', { name: idea })).toHaveCount(1);
	await expectAccessible(staff);

	// The author follows the private link: published, and part of the recommendation.
	await visitor.goto(trackUrl);
	await expect(visitor.getByTestId('contribution-state')).toHaveText('veröffentlicht');
	await expect(visitor.getByText(`${title} – noch offen`)).toBeVisible();
	await expectAccessible(visitor);

	// The dialogue has its calendar file.
	const dialogue = await newNoScriptPage(browser);
	await visit(dialogue, trackUrl);
	await dialogue.getByRole('link', { name: PROCESS }).click();
	await dialogue.getByRole('link', { name: YOUTH_DIALOGUE }).click();
	await expectAccessible(dialogue);
	const ics = await dialogue.request.get(`${dialogue.url()}/kalender.ics`);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	expect(await ics.text()).toContain(`SUMMARY:${YOUTH_DIALOGUE}`);
});
