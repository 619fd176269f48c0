import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	uniqueEmail,
	visit
} from '../fixtures';

/** The form rejects what comes back faster than a person can fill it in (3 seconds). */
const HUMAN_PAUSE = 3_200;

test('a visitor sends a message without JavaScript, staff answer it, the visitor reads the answer behind the status link', async ({
	browser
}) => {
	// several pages, each checked with axe-core, and two pauses of a person filling in a form
	test.setTimeout(120_000);
	const subject = `Sprachkurs ${Date.now().toString(36)}`;
	const email = uniqueEmail('anliegen');

	// The visitor, without JavaScript, first sends the form empty: errors next to the fields.
	const visitor = await newNoScriptPage(browser);
	await visit(visitor, '/laatzen/anliegen');
	await expect(
		visitor.getByText(/Sie können uns Ihre Fragen, Wünsche, Anregungen oder Beschwerden mitteilen/)
	).toBeVisible();
	await expect(visitor.getByText(/Mit der Nutzung dieses Formulares stimmen Sie zu/)).toBeVisible();
	await visitor.waitForTimeout(HUMAN_PAUSE);
	await visitor.getByRole('textbox', { name: /^Betreff/ }).fill(subject);
	await visitor.getByRole('button', { name: 'Anliegen senden' }).click();
	await expect(visitor.getByRole('alert')).toContainText('Bitte schreiben Sie Ihr Anliegen.');
	await expect(visitor.getByRole('alert')).toContainText(
		'Bitte stimmen Sie der Speicherung Ihrer Angaben zu'
	);
	await expect(visitor.getByRole('textbox', { name: /^Betreff/ })).toHaveValue(subject);
	await expectAccessible(visitor);

	// Then fills it in and sends it.
	await visitor.getByRole('radio', { name: 'Frage' }).check();
	await visitor
		.getByRole('textbox', { name: /^Ihr Anliegen/ })
		.fill('Gibt es einen Deutschkurs am Abend?');
	await visitor.getByRole('textbox', { name: /^Name/ }).fill('Olga Beispiel');
	await visitor.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(email);
	await visitor.getByRole('checkbox', { name: /Ich stimme zu/ }).check();
	await visitor.waitForTimeout(HUMAN_PAUSE);
	await visitor.getByRole('button', { name: 'Anliegen senden' }).click();
	await expect(visitor).toHaveURL(/\/laatzen\/anliegen\/status\/[^/?]+\?neu=1$/);
	const heading = await visitor.getByRole('heading', { level: 1 }).innerText();
	const reference = heading.match(/A-\d{4}-[A-Z2-9]{6}/)?.[0];
	expect(reference, 'reference number in the heading').toBeTruthy();
	await expect(visitor.getByTestId('inquiry-state')).toHaveText('neu');
	await expectAccessible(visitor);
	const statusUrl = visitor.url().replace(/\?neu=1$/, '');

	// The coordinator answers from the inbox.
	const staff = await signedInPage(browser, ACCOUNTS.coordinatorLaatzen);
	await visit(staff, '/app/laatzen/anliegen?state=new');
	await staff.getByRole('link', { name: reference! }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(`Anliegen ${reference}`);
	await expect(staff.getByText(email)).toBeVisible();
	await expectAccessible(staff);
	await staff
		.getByRole('textbox', { name: 'Antwort' })
		.fill('Ja: dienstags um 18 Uhr in der VHS Laatzen.');
	await staff.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(staff.getByRole('status')).toHaveText(
		'Die Antwort wurde gespeichert und per E-Mail gesendet.'
	);
	await expect(staff.getByTestId('inquiry-state')).toHaveText('beantwortet');
	await expectAccessible(staff);

	// The visitor opens the status link again: answered, with the answer and the first name only.
	await visitor.goto(statusUrl);
	await expect(visitor.getByTestId('inquiry-state')).toHaveText('beantwortet');
	await expect(visitor.getByText('Ja: dienstags um 18 Uhr in der VHS Laatzen.')).toBeVisible();
	await expect(visitor.getByText(/Antwort von Koordination/)).toBeVisible();
	await expect(visitor.getByText('Integration Laatzen')).toHaveCount(0);
	await expectAccessible(visitor);
});

test('the honeypot rejects a filled-in form', async ({ browser }) => {
	const visitor = await newNoScriptPage(browser);
	await visit(visitor, '/landkreis-freising/anliegen');
	await visitor.getByRole('radio', { name: 'Wunsch' }).check();
	await visitor.getByRole('textbox', { name: /^Ihr Anliegen/ }).fill('Kaufen Sie jetzt!');
	await visitor.getByRole('checkbox', { name: /Ich stimme zu/ }).check();
	// a bot fills in every field, the hidden one included
	await visitor.locator('input[name="website"]').fill('https://spam.example');
	await visitor.waitForTimeout(HUMAN_PAUSE);
	await visitor.getByRole('button', { name: 'Anliegen senden' }).click();
	await expect(visitor.getByRole('alert')).toContainText(
		'Ihr Anliegen konnte nicht angenommen werden'
	);
	await expect(visitor).toHaveURL(/\/landkreis-freising\/anliegen$/);
});
