/**
 * Issue 4, item 9: the whole meeting cycle, run by a body's speaker (not the coordinator):
 * plan the next meeting from the series, invite, a member answers from the mail link without
 * JavaScript, the speaker keeps, approves and publishes the minutes of the last meeting, and the
 * new action item shows up on the next agenda. Every page is checked with axe (`visit`).
 */
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

const BODY = 'Netzwerk Integration Landshut';
/** the body's short name, which meeting headings use */
const SHORT = 'Netzwerk Integration';
const MEMBER_NAME = 'Mitglied Netzwerk Landshut';

/** YYYY-MM-DD, `daysAhead` days from today (UTC; good enough for a due date weeks away). */
function futureDate(daysAhead: number): string {
	return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

test('a speaker plans a meeting, invites, a member answers from the mail, the speaker publishes the minutes and the task is on the next agenda', async ({
	browser
}) => {
	// about 80 s on a quiet machine (two dozen axe checks, the mail queue): more than test.slow()
	test.setTimeout(240_000);
	const tag = Date.now().toString(36);
	const topic = `Ausbildungsbegleitung für junge Geflüchtete ${tag}`;
	const guest = { name: `Dr. Nora Sander ${tag}`, affiliation: 'Handwerkskammer Niederbayern' };
	const confidential = `Personalwechsel bei einem Träger ${tag}`;
	const confidentialNotes = `Vertrauliche Notiz ${tag}`;
	const notes = `Es fehlen bezahlbare Wohnungen für Familien ${tag}.`;
	const decision = `Das Netzwerk startet eine Wohnungsbörse mit Patenschaften ${tag}.`;
	const task = `Wohnungsbörse mit der Stadt abstimmen ${tag}`;
	const due = futureDate(28);
	const speaker = await signedInPage(browser, ACCOUNTS.speakerLandshut);

	// 1. The speaker opens the body and its planning page.
	await visit(speaker, '/app/landshut/gremien');
	await speaker.getByRole('link', { name: BODY, exact: true }).click();
	await expect(speaker).toHaveURL(/\/app\/landshut\/gremien\/[0-9a-f-]{36}$/);
	await expect(speaker.getByRole('heading', { level: 1 })).toContainText(BODY);
	const bodyPath = new URL(speaker.url()).pathname;
	await expectAccessible(speaker);
	await speaker.getByRole('link', { name: 'Sitzung planen', exact: true }).click();
	await expect(speaker).toHaveURL(`${bodyPath}/planung`);
	await expectAccessible(speaker);
	await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(`Sitzungen planen: ${BODY}`);
	await expect(speaker.getByText('Turnus: alle 6–8 Wochen, mittwochs um 14:00 Uhr')).toBeVisible();

	// The first proposal that is not already taken by a planned or invited meeting.
	const taken = (
		await speaker
			.locator('h2', { hasText: 'Bereits geplante Sitzungen' })
			.locator('xpath=following-sibling::ul[1]/li')
			.allTextContents()
	).join('\n');
	expect(taken, 'the demo has one invited meeting of the network').not.toBe('');
	const proposals = speaker.locator('ol.proposals > li');
	expect(await proposals.count()).toBeGreaterThanOrEqual(2);
	let chosen = proposals.first();
	let words = (await chosen.getByRole('heading', { level: 3 }).textContent())!.trim();
	if (taken.includes(words)) {
		chosen = proposals.nth(1);
		words = (await chosen.getByRole('heading', { level: 3 }).textContent())!.trim();
	}
	await expect(chosen.getByRole('heading', { level: 3 })).toHaveText(/^Mittwoch, /);
	const date = await chosen.locator('input[name="date"]').first().inputValue();
	await chosen.getByRole('button', { name: `Übernehmen (${words})` }).click();
	await expect(speaker).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}\?angelegt=1$/);
	await expect(speaker.getByRole('status')).toHaveText('Die Sitzung ist angelegt.');
	const [y, mo, d] = date.split('-');
	await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(
		`${SHORT}: Sitzung am ${d}.${mo}.${y}`
	);
	await expectAccessible(speaker);
	const nextPath = new URL(speaker.url()).pathname;

	// An agenda item with a guest speaker (Referent:in, no account).
	await speaker.locator('#item-new-title').fill(topic);
	await speaker.locator('#item-new-plannedMinutes').fill('40');
	await speaker.getByRole('button', { name: 'Punkt hinzufügen' }).click();
	await expect(speaker.getByRole('status')).toHaveText('Der Tagesordnungspunkt ist hinzugefügt.');
	const topHeading = speaker.getByRole('heading', { level: 3, name: `TOP 1: ${topic}` });
	await expect(topHeading).toBeVisible();
	const speakerForm = speaker.locator('details', { hasText: 'Referent:in zu TOP 1 hinzufügen' });
	await speakerForm.getByText('Referent:in zu TOP 1 hinzufügen').click();
	await speakerForm.getByLabel('Name').fill(guest.name);
	await speakerForm.getByLabel('Organisation oder Funktion').fill(guest.affiliation);
	await speakerForm.getByRole('button', { name: 'Referent:in hinzufügen' }).click();
	await expect(speaker.getByRole('status')).toHaveText(
		'Die Referentin oder der Referent ist eingetragen.'
	);
	await expect(
		speaker
			.getByRole('listitem')
			.filter({ hasText: new RegExp(`^\\s*${guest.name} \\(${guest.affiliation}\\)`) })
	).toBeVisible();
	await expectAccessible(speaker);

	// 2. The speaker sends the invitations.
	await sendInvitation(speaker, nextPath, topic);
	const memberRow = speaker.getByRole('row').filter({ hasText: MEMBER_NAME });
	await expect(memberRow.getByRole('cell').nth(1)).toHaveText('Keine Rückmeldung');

	// 3. The member answers "ja" from the mail link, in a browser without JavaScript.
	const link = await readAnswerLink(browser, ACCOUNTS.memberLandshut, topic);
	expect(new URL(link).searchParams.get('antwort')).toBe('ja');
	const member = await newNoScriptPage(browser);
	const answerPage = await visit(member, link);
	expect(answerPage?.status()).toBe(200);
	await expect(member.getByRole('heading', { level: 1 })).toContainText('Rückmeldung:');
	await expect(member.getByRole('radio', { name: 'Ja, ich nehme teil' })).toBeChecked();
	await member.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expect(member.getByRole('status')).toHaveText(
		'Vielen Dank! Ihre Rückmeldung wurde gespeichert: Ja, ich nehme teil.'
	);
	await expectAccessible(member);
	await member.context().close();

	await visit(speaker, `${nextPath}/einladung`);
	await expect(memberRow.getByRole('cell').nth(1)).toHaveText('Zusage');

	// 4. The minutes of the last meeting (held about a week ago, minutes in draft).
	await visit(speaker, bodyPath);
	const past = speaker.getByRole('table', {
		name: 'Vergangene Sitzungen mit Stand des Protokolls'
	});
	const lastRow = past.getByRole('row').nth(1);
	await expect(lastRow).toContainText('Entwurf');
	await lastRow.getByRole('link').first().click();
	await expect(speaker).toHaveURL(/\/app\/landshut\/sitzungen\/[0-9a-f-]{36}$/);
	const lastPath = new URL(speaker.url()).pathname;
	const lastId = lastPath.split('/').pop()!;
	await expectAccessible(speaker);

	// A non-public item, added to the agenda before the minutes are written.
	await speaker.locator('#item-new-title').fill(confidential);
	await speaker.locator('#item-new-isPublic').uncheck();
	await speaker.getByRole('button', { name: 'Punkt hinzufügen' }).click();
	await expect(speaker.getByRole('status')).toHaveText('Der Tagesordnungspunkt ist hinzugefügt.');
	await expect(
		speaker.getByRole('heading', { level: 3, name: `TOP 4: ${confidential}` })
	).toBeVisible();

	await visit(speaker, `${lastPath}/protokoll`);
	await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(
		new RegExp(`^Protokoll: ${BODY}, `)
	);
	await expect(speaker.getByText('Stand: Entwurf', { exact: true })).toBeVisible();

	// Attendance: Stefan Maier sent apologies; a guest was there.
	await speaker.getByLabel('Status von Stefan Maier').selectOption('excused');
	await speaker.getByRole('button', { name: 'Anwesenheit speichern' }).click();
	await expect(speaker.getByRole('status')).toHaveText('Die Anwesenheit wurde gespeichert.');
	await expect(speaker.getByLabel('Status von Stefan Maier')).toHaveValue('excused');
	await speaker.locator('#f-guestName').fill(`Gast ${tag}`);
	await speaker.locator('#f-guestAffiliation').fill('Wohnungsbaugesellschaft Landshut');
	await speaker.getByRole('button', { name: 'Gast eintragen' }).click();
	await expect(speaker.getByRole('status')).toHaveText('Der Gast wurde eingetragen.');
	await expectAccessible(speaker);

	// Notes, a decision and an action item (person and organisation, due date) for TOP 2.
	const top2 = speaker.getByRole('region', { name: /^TOP 2: Wohnraum für Geflüchtete/ });
	await top2.getByLabel('Notizen zu TOP 2').fill(notes);
	await top2.getByLabel('Beschluss zu TOP 2').fill(decision);
	await top2.getByLabel('Was ist zu tun?').fill(task);
	await top2.getByLabel('Zuständige Person').selectOption({ label: MEMBER_NAME });
	await top2
		.getByLabel('Zuständige Organisation')
		.selectOption({ label: 'Interkulturelle Initiative Landshut' });
	await top2.getByLabel('Zu erledigen bis').fill(due);
	const top4 = speaker.getByRole('region', { name: new RegExp(`^TOP 4: ${confidential}`) });
	await top4.getByLabel('Notizen zu TOP 4').fill(confidentialNotes);
	await speaker.getByRole('button', { name: 'Protokoll speichern' }).click();
	await expect(speaker.getByRole('status')).toHaveText('Das Protokoll wurde gespeichert.');
	await expect(
		speaker.getByRole('heading', { level: 2, name: 'Aufgaben aus dieser Sitzung' })
	).toBeVisible();
	await expect(speaker.getByText(task).first()).toBeVisible();
	await expectAccessible(speaker);

	// Share the draft, approve (the speaker may), publish.
	await speaker.getByRole('button', { name: 'Entwurf teilen' }).click();
	await expect(speaker.getByRole('status')).toHaveText(
		'Der Entwurf wurde mit den Anwesenden geteilt.'
	);
	await expect(speaker.getByText('Stand: Entwurf zur Durchsicht geteilt')).toBeVisible();
	await speaker.getByRole('button', { name: 'Genehmigen', exact: true }).click();
	await expect(speaker.getByRole('status')).toHaveText('Das Protokoll wurde genehmigt.');
	await expect(speaker.getByRole('button', { name: 'Protokoll speichern' })).toHaveCount(0);
	await speaker.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(speaker.getByRole('status')).toHaveText('Das Protokoll wurde veröffentlicht.');
	await expect(speaker.getByText('Stand: veröffentlicht')).toBeVisible();
	await expectAccessible(speaker);

	// An anonymous visitor reads the published minutes: no non-public item, no names of persons.
	const visitor = await (await browser.newContext()).newPage();
	const publicPage = await visit(visitor, `/landshut/sitzungen/${lastId}`);
	expect(publicPage?.status()).toBe(200);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
		new RegExp(`^Sitzung ${BODY} am `)
	);
	const main = visitor.locator('main');
	await expect(main.getByText(notes)).toBeVisible();
	await expect(main.getByText(decision)).toBeVisible();
	await expect(main.getByText(task).first()).toBeVisible();
	await expect(main).not.toContainText(confidential);
	await expect(main).not.toContainText(confidentialNotes);
	await expect(main).not.toContainText(MEMBER_NAME);
	await expect(main).not.toContainText(`Gast ${tag}`);
	await visitor.context().close();

	// 5. The new task is on the agenda of the meeting planned in step 1.
	await visit(speaker, nextPath);
	const openItem = speaker.locator('ol.agenda > li').filter({
		has: speaker.getByRole('heading', {
			level: 3,
			name: /^TOP 2: Offene Aufgaben aus früheren Sitzungen$/
		})
	});
	await expect(openItem).toBeVisible();
	await expect(openItem.getByRole('listitem').filter({ hasText: task })).toContainText(
		`zuständig: ${MEMBER_NAME}, Interkulturelle Initiative Landshut`
	);
	await visit(speaker, `${nextPath}/tagesordnung`);
	await expect(
		speaker.getByRole('heading', { level: 3, name: /Offene Aufgaben aus früheren Sitzungen$/ })
	).toBeVisible();
	await expect(speaker.getByRole('rowheader', { name: task })).toBeVisible();
	await speaker.context().close();
});
