import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	readAnswerLink,
	sendInvitation,
	signedInPage,
	test,
	visit
} from '../fixtures';

const MEMBER_NAME = 'Mitglied Netzwerk Landshut';

test('the coordinator sends the invitation, a member answers from the mail link without JavaScript', async ({
	browser
}) => {
	test.slow();
	const title = `Austausch Sprachförderung ${Date.now().toString(36)}`;
	const date = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

	// The coordinator plans a meeting of the Landshut network (demo body with the demo member).
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	await visit(coordinator, '/app/landshut/gremien');
	await coordinator
		.getByRole('link', { name: 'Netzwerk Integration Landshut', exact: true })
		.click();
	await expect(coordinator).toHaveURL(/\/app\/landshut\/gremien\/[0-9a-f-]{36}$/);
	const bodyId = new URL(coordinator.url()).pathname.split('/').at(-1);
	await visit(
		coordinator,
		`/app/landshut/sitzungen/neu?gremium=${bodyId}&datum=${date}&beginn=10:00&ende=12:00&ort=Rathaus%20Landshut`
	);
	await coordinator.getByRole('textbox', { name: /^Titel/ }).fill(title);
	await coordinator.getByRole('button', { name: 'Sitzung anlegen' }).click();
	await expect(coordinator).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}/);
	const meetingPath = new URL(coordinator.url()).pathname;

	// … and sends the invitation on the invitation tab, after looking at the preview.
	await sendInvitation(coordinator, meetingPath, `Thema: ${title}`);
	const row = coordinator.getByRole('row').filter({ hasText: MEMBER_NAME });
	await expect(row.getByRole('cell').nth(1)).toHaveText('Keine Rückmeldung');

	// The member opens the link from the mail in a browser without JavaScript, not signed in.
	const link = await readAnswerLink(browser, ACCOUNTS.memberLandshut, `Thema: ${title}`);
	expect(new URL(link).searchParams.get('antwort')).toBe('ja');
	const member = await newNoScriptPage(browser);
	const response = await member.goto(link);
	expect(response?.status()).toBe(200);
	await expect(member.getByRole('heading', { level: 1 })).toContainText('Rückmeldung:');
	await expect(member.getByText(title, { exact: true })).toBeVisible();
	// GET only shows: the answer is preselected, but nothing is recorded yet
	await expect(member.getByRole('radio', { name: 'Ja, ich nehme teil' })).toBeChecked();
	await expect(
		member.getByText('Ihre bisherige Rückmeldung: Noch keine Rückmeldung')
	).toBeVisible();
	await expectAccessible(member);
	await member.getByLabel('Anmerkung (freiwillig)').fill('Ich komme etwas später.');
	await member.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expect(member.getByRole('status')).toHaveText(
		'Vielen Dank! Ihre Rückmeldung wurde gespeichert: Ja, ich nehme teil.'
	);
	await expect(member.getByRole('radio', { name: 'Ja, ich nehme teil' })).toBeChecked();
	await expectAccessible(member);

	// The coordinator sees the answer in the table.
	await visit(coordinator, `${meetingPath}/einladung`);
	await expect(row.getByRole('cell').nth(1)).toHaveText('Zusage');
	await expect(row.getByRole('cell').nth(2)).toHaveText('Ich komme etwas später.');

	// An unknown or replaced link explains itself with a 404.
	const unknown = await member.goto('/antwort/unbekannter-link-0123456789abcdefghij');
	expect(unknown?.status()).toBe(404);
	await expect(member.getByRole('heading', { level: 1 })).toHaveText(
		'Dieser Link ist nicht gültig'
	);
	await member.context().close();
	await coordinator.context().close();
});

test('a member makes a personal calendar feed; public feeds list the public bodies’ meetings', async ({
	browser,
	request
}) => {
	const member = await signedInPage(browser, ACCOUNTS.memberLandshut);
	await visit(member, '/konto/kalender');
	await expect(member.getByRole('heading', { level: 1 })).toHaveText('Persönlicher Kalender-Feed');
	await member.getByRole('button', { name: /Feed-Adresse erstellen$/ }).click();
	const field = member.getByLabel('Ihre Feed-Adresse');
	await expect(field).toHaveValue(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
	await expectAccessible(member);
	const url = new URL(await field.inputValue());
	const feed = await request.get(url.pathname);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(feed.headers()['cache-control']).toBe('private, max-age=300');
	const text = await feed.text();
	expect(text).toContain('BEGIN:VCALENDAR');
	expect(text).toContain('SUMMARY:Netzwerk Integration');
	// the address is shown once; a new one makes the old one stop working
	await visit(member, '/konto/kalender');
	await expect(member.getByLabel('Ihre Feed-Adresse')).toHaveCount(0);
	await member.getByRole('button', { name: 'Neue Feed-Adresse erstellen' }).click();
	await expect(member.getByLabel('Ihre Feed-Adresse')).not.toHaveValue(url.href);
	expect((await request.get(url.pathname)).status()).toBe(404);
	await member.context().close();

	// The Landshut network is public: its feed and the tenant's feed answer without sign-in.
	const tenantFeed = await request.get('/landshut/kalender.ics');
	expect(tenantFeed.status()).toBe(200);
	expect(await tenantFeed.text()).toContain('SUMMARY:Netzwerk Integration');
	expect((await request.get('/keine-gemeinde/kalender.ics')).status()).toBe(404);
});
