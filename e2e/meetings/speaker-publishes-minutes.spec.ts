import { ACCOUNTS, expect, expectAccessible, signedInPage, test, visit } from '../fixtures';

/** A date in the future far enough away not to collide with the demo's meetings, as YYYY-MM-DD. */
function futureDate(daysAhead: number): string {
	return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

test('the body manager keeps the minutes, approves and publishes them; the public and the next agenda see the result', async ({
	browser
}) => {
	test.slow();
	const tag = Date.now().toString(36);
	const topic = `Sprachkurse für Eltern ${tag}`;
	const task = `Flyer in fünf Sprachen ${tag}`;
	const page = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);

	// The public body "Netzwerk Integration Landshut" gets a new meeting with one agenda item.
	await visit(page, '/app/landshut/gremien');
	await page.getByRole('link', { name: 'Netzwerk Integration Landshut', exact: true }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/gremien\/[0-9a-f-]{36}$/);
	const bodyId = new URL(page.url()).pathname.split('/').pop()!;
	const day = 400 + Math.floor(Math.random() * 200);
	const date = futureDate(day);
	await visit(
		page,
		`/app/landshut/sitzungen/neu?gremium=${bodyId}&datum=${date}&beginn=17:00&ende=19:00&art=room&ort=Rathaus`
	);
	await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}\?angelegt=1$/);
	const meetingPath = new URL(page.url()).pathname;
	const meetingId = meetingPath.split('/').pop()!;
	await page.locator('#item-new-title').fill(topic);
	await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
	await expect(page.getByRole('heading', { level: 3, name: `TOP 1: ${topic}` })).toBeVisible();

	// The minutes tab: nothing written yet.
	await visit(page, `${meetingPath}/protokoll`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/^Protokoll: Netzwerk Integration Landshut, /
	);
	await expect(page.getByText('Stand: noch nicht begonnen')).toBeVisible();

	// Attendance: the member was there, one guest too.
	await page.getByLabel('Status von Mitglied Netzwerk Landshut').selectOption('present');
	await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Anwesenheit wurde gespeichert.');
	await page.getByRole('textbox', { name: /^Name/ }).fill('Gerda Gast');
	await page.getByLabel('Organisation oder Funktion').fill('Jobcenter Landshut');
	await page.getByRole('button', { name: 'Gast eintragen' }).click();
	await expect(page.getByRole('status')).toHaveText('Der Gast wurde eingetragen.');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Gerda Gast (Jobcenter Landshut)' })
	).toBeVisible();
	await expectAccessible(page);

	// Notes, a decision and an action item for TOP 1; a bad due date is refused first.
	await page.getByLabel('Notizen zu TOP 1').fill('Die Wartelisten für Elternkurse sind lang.');
	await page.getByLabel('Beschluss zu TOP 1').fill('Das Netzwerk wirbt gemeinsam für die Kurse.');
	await page.getByLabel('Was ist zu tun?').fill(task);
	await page.getByLabel('Zuständige Organisation').selectOption({ index: 1 });
	const due = futureDate(30);
	await page.getByLabel('Zu erledigen bis').fill(due);
	await page.getByRole('button', { name: 'Protokoll speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Das Protokoll wurde gespeichert.');
	await expect(page.getByText('Stand: Entwurf')).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Aufgaben aus dieser Sitzung' })
	).toBeVisible();
	await expect(page.getByText(task).first()).toBeVisible();
	await expectAccessible(page);

	// Share the draft, approve, publish.
	await page.getByRole('button', { name: 'Entwurf teilen' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Der Entwurf wurde mit den Anwesenden geteilt.'
	);
	await expect(page.getByText('Stand: Entwurf zur Durchsicht geteilt')).toBeVisible();
	await page.getByRole('button', { name: 'Genehmigen', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Das Protokoll wurde genehmigt.');
	// approved: read-only, no more editing
	await expect(page.getByRole('button', { name: 'Protokoll speichern' })).toHaveCount(0);
	await expect(page.getByText('Die Wartelisten für Elternkurse sind lang.')).toBeVisible();
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('status')).toHaveText('Das Protokoll wurde veröffentlicht.');
	await expect(page.getByText('Stand: veröffentlicht')).toBeVisible();
	await expectAccessible(page);

	// The print view and the PDF.
	await visit(page, `${meetingPath}/protokoll/druck`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/^Protokoll Netzwerk Integration Landshut vom /
	);
	await expect(page.getByRole('table', { name: 'Anwesenheitsliste' })).toContainText(
		'Mitglied Netzwerk Landshut'
	);
	const pdf = await page.request.get(`${meetingPath}/protokoll.pdf`);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');

	// An anonymous visitor reads the published minutes on the public site: no names of persons.
	const visitor = await (await browser.newContext()).newPage();
	await visit(visitor, `/landshut/sitzungen/${meetingId}`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
		/^Sitzung Netzwerk Integration Landshut am /
	);
	await expect(visitor.getByText('Die Wartelisten für Elternkurse sind lang.')).toBeVisible();
	await expect(visitor.getByText('Das Netzwerk wirbt gemeinsam für die Kurse.')).toBeVisible();
	await expect(visitor.getByText('Jobcenter Landshut')).toBeVisible();
	await expect(visitor.locator('main')).not.toContainText('Mitglied Netzwerk Landshut');
	await expect(visitor.locator('main')).not.toContainText('Gerda Gast');
	const publicPdf = await visitor.request.get(`/landshut/sitzungen/${meetingId}/protokoll.pdf`);
	expect(publicPdf.status()).toBe(200);
	await visitor.context().close();

	// The action item is on the body's list …
	await visit(page, `/app/landshut/gremien/${bodyId}/aufgaben`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Aufgaben: Netzwerk Integration Landshut'
	);
	await expect(page.getByRole('rowheader', { name: task })).toBeVisible();

	// … and on the agenda of the next meeting, as an open task from earlier meetings.
	await visit(
		page,
		`/app/landshut/sitzungen/neu?gremium=${bodyId}&datum=${futureDate(day + 30)}&beginn=17:00&ende=19:00&art=room&ort=Rathaus`
	);
	await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
	await expect(page).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}\?angelegt=1$/);
	const nextPath = new URL(page.url()).pathname;
	await visit(page, `${nextPath}/tagesordnung`);
	await expect(
		page.getByRole('heading', { level: 3, name: /Offene Aufgaben aus früheren Sitzungen$/ })
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: task })).toBeVisible();
	const agendaPdf = await page.request.get(`${nextPath}/tagesordnung.pdf`);
	expect(agendaPdf.status()).toBe(200);

	// The member who was present reads the minutes; "Meine Aufgaben" opens for them too.
	const member = await signedInPage(browser, ACCOUNTS.memberLandshut);
	await visit(member, `${meetingPath}/protokoll`);
	await expect(member.getByText('Die Wartelisten für Elternkurse sind lang.')).toBeVisible();
	await expect(member.getByRole('button', { name: 'Veröffentlichen' })).toHaveCount(0);
	await visit(member, '/app/landshut/aufgaben');
	await expect(member.getByRole('heading', { level: 1 })).toHaveText('Meine Aufgaben');
	await member.context().close();
});
