import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const MEMBER_NAME = 'Mitglied Netzwerk Landshut';

test('the coordinator creates a working group, a member asks to join, the coordinator accepts', async ({
	browser
}) => {
	// A long flow across two accounts with an accessibility check on every page.
	test.slow();
	const name = `Arbeitskreis Sprache ${Date.now().toString(36)}`;

	// The coordinator creates the working group with its meeting series.
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/gremien');
	await coordinator.getByRole('link', { name: 'Gremium anlegen' }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(
		'Gremium anlegen – Stadt Landshut'
	);
	await expectAccessible(coordinator);

	// Errors first: no name, and a week range the wrong way round.
	await coordinator.getByLabel('Art des Gremiums').selectOption('working_group');
	await coordinator.getByLabel('Rhythmus', { exact: true }).selectOption('weeks');
	await coordinator.getByLabel('Frühestens nach … Wochen').fill('8');
	await coordinator.getByLabel('Spätestens nach … Wochen').fill('6');
	await coordinator.getByRole('button', { name: 'Gremium anlegen' }).click();
	await expect(coordinator.locator('#f-name-error')).toHaveText('Bitte geben Sie einen Namen ein.');
	await expect(coordinator.locator('#f-cadenceMaxWeeks-error')).toHaveText(
		'Die größte Wochenzahl muss mindestens so groß sein wie die kleinste.'
	);
	await expect(coordinator.getByLabel('Frühestens nach … Wochen')).toHaveValue('8');
	await expectAccessible(coordinator);

	await coordinator.getByRole('textbox', { name: /^Name/ }).fill(name);
	await coordinator
		.getByLabel('Leitfragen')
		.fill('Wie erreichen wir Eltern?\nWelche Kurse fehlen?');
	await coordinator.getByLabel('Frühestens nach … Wochen').fill('6');
	await coordinator.getByLabel('Spätestens nach … Wochen').fill('8');
	await coordinator.getByLabel('Bevorzugter Wochentag').selectOption('2');
	await coordinator.getByLabel('Bevorzugte Uhrzeit').fill('14:00');
	await coordinator.getByRole('button', { name: 'Gremium anlegen' }).click();
	await expect(coordinator.getByRole('status')).toHaveText(`Das Gremium „${name}“ wurde angelegt.`);
	await expectAccessible(coordinator);

	await coordinator.getByRole('link', { name, exact: true }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(
		coordinator.getByText('alle 6–8 Wochen, bevorzugt dienstags 14:00 Uhr')
	).toBeVisible();
	await expect(
		coordinator.getByRole('listitem').filter({ hasText: 'Welche Kurse fehlen?' })
	).toBeVisible();
	await expectAccessible(coordinator);
	const bodyUrl = new URL(coordinator.url()).pathname;

	// The member finds it in the list and asks to join.
	const member = await signedInPage(browser, ACCOUNTS.memberLandshut);
	await visit(member, '/app/landshut/gremien');
	await member.getByRole('link', { name: `Beitritt anfragen: ${name}` }).click();
	await expect(member).toHaveURL(new RegExp(`${bodyUrl}#beitritt$`));
	await expectAccessible(member);
	await member.getByLabel('Nachricht (freiwillig)').fill('Ich leite einen Sprachkurs.');
	await member.getByRole('button', { name: 'Beitritt anfragen' }).click();
	await expect(member.getByRole('status')).toHaveText(
		'Ihre Anfrage wurde gesendet. Sie erhalten eine E-Mail, sobald entschieden ist.'
	);
	await expect(member.getByRole('button', { name: 'Anfrage zurückziehen' })).toBeVisible();
	await expectAccessible(member);

	// The coordinator sees the request and accepts it.
	await visit(coordinator, bodyUrl);
	await expect(coordinator.getByText('Ich leite einen Sprachkurs.')).toBeVisible();
	await coordinator.getByRole('button', { name: `Anfrage von ${MEMBER_NAME} annehmen` }).click();
	await expect(coordinator.getByRole('status')).toHaveText(
		`${MEMBER_NAME} ist jetzt Mitglied des Gremiums.`
	);
	await expectAccessible(coordinator);

	// The member sees the body page with themselves as member.
	await visit(member, bodyUrl);
	await expect(member.getByText('Sie sind Mitglied dieses Gremiums (Mitglied).')).toBeVisible();
	const members = member.getByRole('table', {
		name: 'Aktuelle Mitglieder mit Rolle und Organisation'
	});
	const row = members.getByRole('row').filter({ hasText: MEMBER_NAME });
	await expect(row.getByRole('rowheader')).toHaveText(MEMBER_NAME);
	await expect(row.getByRole('cell').first()).toHaveText('Mitglied');
	await visit(member, '/app/landshut/gremien');
	await expect(member.getByRole('row').filter({ hasText: name })).toContainText('Sie: Mitglied');

	// The coordinator's member management page.
	await visit(coordinator, `${bodyUrl}/mitglieder`);
	await expect(coordinator.getByRole('heading', { level: 3, name: MEMBER_NAME })).toBeVisible();

	// The coordinator makes the body public; visitors see it without persons' names.
	await visit(coordinator, `${bodyUrl}/bearbeiten`);
	await coordinator.getByLabel('öffentlich (auch auf der öffentlichen Seite)').check();
	await coordinator.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Die Änderungen wurden gespeichert.');
	await expectAccessible(coordinator);

	const visitor = await newNoScriptPage(browser);
	await visit(visitor, '/landshut/gremien');
	await visitor.getByRole('link', { name, exact: true }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(visitor.getByText('Welche Kurse fehlen?')).toBeVisible();
	await expect(visitor.getByText(MEMBER_NAME)).toHaveCount(0);
	await expectAccessible(visitor);
});
