import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestDb, testCtx, testTenantCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import {
	buildActionItem,
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { NotFoundError, ValidationError } from '../errors';
import { agendaItemSpeakers, meetings } from '../meetings/schema';
import { meetingInvitations } from './schema';
import { invitationPreview, sendInvitations } from './invitations';
import {
	answerByToken,
	answerInApp,
	findInvitationByToken,
	listAnswers,
	myAnswer
} from './answers';
import { notifyMeetingChange } from './notify';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

const START = new Date('2030-12-10T13:00:00Z'); // Tuesday 14:00 in Berlin

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { kind: 'city' });
	const org = await buildOrganization(db, tenant.id, { name: 'VHS Landshut' });
	const body = await buildBody(db, tenant.id, {
		name: 'Arbeitskreis Bildung',
		shortName: 'AK Bildung',
		visibility: 'members'
	});
	const person = async (
		name: string,
		role: Role | null,
		bodyRole?: 'speaker' | 'member' | 'guest'
	) => {
		const user = await buildUser(db, { name });
		if (role) await grantRole(db, tenant.id, user.id, role);
		if (bodyRole)
			await buildMembership(
				db,
				body,
				user.id,
				bodyRole,
				bodyRole === 'member' ? { organizationId: org.id } : {}
			);
		return user;
	};
	const coordinator = await person('Clara Koordination', 'coordinator');
	const speaker = await person('Sven Sprecher', 'member', 'speaker');
	const member = await person('Mia Mitglied', 'member', 'member');
	const guest = await person('Gerd Gast', 'guest', 'guest');
	const outsider = await person('Otto Außen', 'member');
	const former = await person('Frieda Früher', 'member');
	await buildMembership(db, body, former.id, 'member', {
		startDate: '2020-01-01',
		endDate: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
	});
	const meeting = await buildMeeting(db, body, {
		startsAt: START,
		endsAt: new Date(START.getTime() + 2 * 3_600_000),
		location: 'Rathaus, Raum 1'
	});
	await buildAgendaItem(db, meeting, 1, { title: 'Begrüßung' });
	const item = await buildAgendaItem(db, meeting, 2, { title: 'Sprachkurse für Eltern' });
	await db.insert(agendaItemSpeakers).values({
		tenantId: tenant.id,
		agendaItemId: item.id,
		name: 'Dr. Ayşe Yılmaz',
		affiliation: 'VHS',
		email: 'referentin@example.org'
	});
	const ctxOf = async (user: { id: string }) =>
		testTenantCtx(db, tenant, await loadActor(db, user.id));
	return {
		db,
		tenant,
		body,
		meeting,
		coordinator,
		speaker,
		member,
		guest,
		outsider,
		former,
		ctxOf
	};
}

async function mailsOf(tenantId: string) {
	const rows = await database.db
		.select()
		.from(outbox)
		.where(eq(outbox.tenantId, tenantId))
		.orderBy(asc(outbox.createdAt), asc(outbox.id));
	return rows.map((r) => r.payload);
}

function tokenOf(text: string): string {
	const match = /\/antwort\/([A-Za-z0-9_-]+)\?antwort=ja/.exec(text);
	if (!match) throw new Error(`no answer link in:\n${text}`);
	return match[1];
}

function parseIcs(content: string) {
	const calendar = new ICAL.Component(ICAL.parse(content));
	const vevent = calendar.getFirstSubcomponent('vevent')!;
	return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('sendInvitations', () => {
	it('only those who manage the meeting may send; others get NotFound and nothing is sent', async () => {
		const { tenant, meeting, member, outsider, ctxOf } = await setup();
		for (const user of [member, outsider]) {
			await expect(
				sendInvitations(await ctxOf(user), { meetingId: meeting.id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await expect(
			sendInvitations(testTenantCtx(database.db, tenant, null), { meetingId: meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await mailsOf(tenant.id)).toHaveLength(0);
	});

	it('mails every current member (guests too, not former members) with the .ics, and the speaker', async () => {
		const { db, tenant, meeting, speaker, member, guest, former, outsider, ctxOf } = await setup();
		// the body's speaker may send (body role), not only the coordinator
		const result = await sendInvitations(await ctxOf(speaker), { meetingId: meeting.id });
		expect(result).toEqual({ mailed: 3, speakers: 1 });
		const mails = await mailsOf(tenant.id);
		const to = mails.map((m) => m.to).sort();
		expect(to).toEqual([speaker.email, member.email, guest.email, 'referentin@example.org'].sort());
		expect(to).not.toContain(former.email);
		expect(to).not.toContain(outsider.email);
		const mail = mails.find((m) => m.to === member.email)!;
		expect(mail.subject).toBe('Einladung: AK Bildung am Di., 10. Dez. 2030, 14:00 Uhr');
		expect(mail.text).toContain('Guten Tag Mia Mitglied,');
		expect(mail.text).toContain('Dienstag, 10. Dezember 2030, 14:00 bis 16:00 Uhr');
		expect(mail.text).toContain('Wo: Rathaus, Raum 1');
		expect(mail.text).toContain('TOP 1: Begrüßung');
		expect(mail.text).toContain('TOP 2: Sprachkurse für Eltern');
		expect(mail.text).toContain('Referent:innen: Dr. Ayşe Yılmaz (VHS)');
		for (const word of ['ja', 'nein', 'vielleicht'])
			expect(mail.text).toMatch(
				new RegExp(`http://localhost:3000/antwort/[A-Za-z0-9_-]{43}\\?antwort=${word}`)
			);
		expect(mail.text).toContain(`http://localhost:3000/app/${tenant.slug}/sitzungen/${meeting.id}`);
		expect(mail.attachments).toHaveLength(1);
		const [ics] = mail.attachments!;
		expect(ics.filename).toBe('einladung.ics');
		expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
		const { calendar, vevent, event } = parseIcs(ics.content);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(event.uid).toBe(`meeting-${meeting.id}@localhost`);
		expect(event.sequence).toBe(0);
		expect(vevent.getFirstProperty('attendee')?.getFirstValue()).toBe(`mailto:${member.email}`);
		// the speaker's mail: information and .ics, no answer links, no app link
		const speakerMail = mails.find((m) => m.to === 'referentin@example.org')!;
		expect(speakerMail.text).toContain('als Referent:in');
		expect(speakerMail.text).not.toContain('/antwort/');
		expect(speakerMail.text).not.toContain('/sitzungen/');
		expect(speakerMail.attachments?.[0].filename).toBe('einladung.ics');
		// rows, state and audit
		const rows = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.meetingId, meeting.id));
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.mailedSequence === 0 && r.response === null)).toBe(true);
		expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
		expect(rows.map((r) => r.tokenHash)).not.toContain(tokenOf(mail.text));
		const [after] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(after.state).toBe('invited');
		expect(after.invitedAt).not.toBeNull();
		const audits = await db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.entityId, meeting.id), eq(auditLog.action, 'meeting.invitations_send'))
			);
		expect(audits).toHaveLength(1);
		expect(audits[0].actorId).toBe(speaker.id);
	});

	it('sending again mails only new members, unless "an alle erneut senden"', async () => {
		const { db, tenant, body, meeting, coordinator, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		expect(await sendInvitations(ctx, { meetingId: meeting.id })).toEqual({
			mailed: 0,
			speakers: 0
		});
		const newcomer = await buildUser(db, { name: 'Nina Neu' });
		await grantRole(db, tenant.id, newcomer.id, 'member');
		await buildMembership(db, body, newcomer.id);
		const before = (await mailsOf(tenant.id)).length;
		expect(await sendInvitations(ctx, { meetingId: meeting.id })).toEqual({
			mailed: 1,
			speakers: 0
		});
		const mails = await mailsOf(tenant.id);
		expect(mails.slice(before).map((m) => m.to)).toEqual([newcomer.email]);
		expect(await sendInvitations(ctx, { all: true, meetingId: meeting.id })).toEqual({
			mailed: 4,
			speakers: 1
		});
	});

	it('refuses cancelled meetings, past meetings and bodies without members', async () => {
		const { db, tenant, body, meeting, coordinator, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await db.update(meetings).set({ state: 'cancelled' }).where(eq(meetings.id, meeting.id));
		await expect(sendInvitations(ctx, { meetingId: meeting.id })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_cancelled' }
		});
		const past = await buildMeeting(db, body, { startsAt: new Date(Date.now() - 5 * 86_400_000) });
		await expect(sendInvitations(ctx, { meetingId: past.id })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_past' }
		});
		const empty = await buildBody(db, tenant.id);
		const lonely = await buildMeeting(db, empty);
		await expect(sendInvitations(ctx, { meetingId: lonely.id })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_no_members' }
		});
		expect(await mailsOf(tenant.id)).toHaveLength(0);
	});

	it('shows the agenda as the meeting page does: with the open tasks as last TOP, not for guest speakers', async () => {
		const { db, tenant, body, meeting, coordinator, member, ctxOf } = await setup();
		await buildActionItem(db, body, {
			title: 'Raumliste an alle schicken',
			assigneeUserId: member.id,
			dueDate: '2030-12-01',
			createdAt: new Date('2030-01-01T00:00:00Z')
		});
		const preview = await invitationPreview(await ctxOf(coordinator), { meetingId: meeting.id });
		expect(preview.text).toContain(
			'TOP 3: Offene Aufgaben aus früheren Sitzungen\n   - Raumliste an alle schicken (Mia Mitglied, bis 01.12.2030)'
		);
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const mails = await mailsOf(tenant.id);
		const memberMail = mails.find((m) => m.to === member.email)!;
		expect(memberMail.text).toContain('TOP 3: Offene Aufgaben aus früheren Sitzungen');
		expect(parseIcs(memberMail.attachments![0].content).event.description).toContain(
			'Raumliste an alle schicken'
		);
		const speakerMail = mails.find((m) => m.to === 'referentin@example.org')!;
		expect(speakerMail.text).toContain('TOP 2: Sprachkurse für Eltern');
		expect(speakerMail.text).not.toContain('Offene Aufgaben');
		expect(parseIcs(speakerMail.attachments![0].content).event.description).not.toContain(
			'Raumliste'
		);
	});

	it('shows managers a preview with the number of members still to mail', async () => {
		const { tenant, meeting, coordinator, member, ctxOf } = await setup();
		const preview = await invitationPreview(await ctxOf(coordinator), { meetingId: meeting.id });
		expect(preview.subject).toBe('Einladung: AK Bildung am Di., 10. Dez. 2030, 14:00 Uhr');
		expect(preview.text).toContain('TOP 2: Sprachkurse für Eltern');
		expect(preview).toMatchObject({ members: 3, pending: 3, speakersWithEmail: 1, open: true });
		await expect(
			invitationPreview(await ctxOf(member), { meetingId: meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('answers', () => {
	it('a member answers from the mail link without signing in, and can change the answer', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const mail = (await mailsOf(tenant.id)).find((m) => m.to === member.email)!;
		const token = tokenOf(mail.text);
		const view = await findInvitationByToken(testCtx(db), { token });
		expect(view).toMatchObject({
			meetingId: meeting.id,
			personName: 'Mia Mitglied',
			response: null,
			phase: 'open',
			place: 'Rathaus, Raum 1'
		});
		expect(view!.agenda.map((a) => a.title)).toEqual(['Begrüßung', 'Sprachkurse für Eltern']);
		await answerByToken(testCtx(db), {
			token,
			response: 'ja',
			comment: '  Ich bringe Flyer mit. '
		});
		let [row] = await db
			.select()
			.from(meetingInvitations)
			.where(
				and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.userId, member.id))
			);
		expect(row).toMatchObject({ response: 'yes', comment: 'Ich bringe Flyer mit.' });
		expect(row.respondedAt).not.toBeNull();
		await answerByToken(testCtx(db), { token, response: 'no', comment: '' });
		[row] = await db
			.select()
			.from(meetingInvitations)
			.where(
				and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.userId, member.id))
			);
		expect(row).toMatchObject({ response: 'no', comment: null });
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, meeting.id), eq(auditLog.action, 'meeting.answer')));
		expect(audits).toHaveLength(2);
		expect(audits.every((a) => a.actorId === member.id)).toBe(true);
		await expect(answerByToken(testCtx(db), { token, response: 'egal' })).rejects.toMatchObject({
			fieldErrors: { response: 'invitations_error_response' }
		});
	});

	it('an unknown token answers nothing; a token cannot answer another meeting', async () => {
		const { db, tenant, body, meeting, coordinator, member, ctxOf } = await setup();
		const other = await buildMeeting(db, body, {
			startsAt: new Date(START.getTime() + 14 * 86_400_000)
		});
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		await sendInvitations(ctx, { meetingId: other.id });
		const mails = (await mailsOf(tenant.id)).filter((m) => m.to === member.email);
		const tokenA = tokenOf(mails[0].text);
		expect(await findInvitationByToken(testCtx(db), { token: 'x'.repeat(43) })).toBeNull();
		await expect(
			answerByToken(testCtx(db), { token: 'x'.repeat(43), response: 'yes' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			answerByToken(testCtx(db), {
				meetingId: other.id,
				token: tokenA,
				response: 'yes',
				comment: null
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const rows = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(rows.every((r) => r.response === null)).toBe(true);
		// the token answers its own meeting only
		await answerByToken(testCtx(db), {
			meetingId: meeting.id,
			token: tokenA,
			response: 'yes',
			comment: null
		});
		const after = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(after.find((r) => r.meetingId === meeting.id)?.response).toBe('yes');
		expect(after.find((r) => r.meetingId === other.id)?.response).toBeNull();
	});

	it('a new mail replaces the link of the earlier one', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		const first = tokenOf((await mailsOf(tenant.id)).find((m) => m.to === member.email)!.text);
		await sendInvitations(ctx, { all: true, meetingId: meeting.id });
		const second = tokenOf((await mailsOf(tenant.id)).filter((m) => m.to === member.email)[1].text);
		expect(second).not.toBe(first);
		expect(await findInvitationByToken(testCtx(db), { token: first })).toBeNull();
		await expect(
			answerByToken(testCtx(db), { token: first, response: 'yes' })
		).rejects.toBeInstanceOf(NotFoundError);
		await answerByToken(testCtx(db), { token: second, response: 'maybe' });
	});

	it('answering a cancelled or past meeting gives a clear message', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const token = tokenOf((await mailsOf(tenant.id)).find((m) => m.to === member.email)!.text);
		await db
			.update(meetings)
			.set({ state: 'cancelled', cancelReason: 'Krankheit' })
			.where(eq(meetings.id, meeting.id));
		expect((await findInvitationByToken(testCtx(db), { token }))?.phase).toBe('cancelled');
		await expect(answerByToken(testCtx(db), { token, response: 'yes' })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_answer_cancelled' }
		});
		await db
			.update(meetings)
			.set({
				state: 'invited',
				startsAt: new Date(Date.now() - 3 * 3_600_000),
				endsAt: new Date(Date.now() - 3_600_000)
			})
			.where(eq(meetings.id, meeting.id));
		expect((await findInvitationByToken(testCtx(db), { token }))?.phase).toBe('past');
		await expect(answerByToken(testCtx(db), { token, response: 'yes' })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_answer_past' }
		});
		await expect(
			answerInApp(await ctxOf(member), { meetingId: meeting.id, response: 'yes' })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('members answer in the app (row created when missing); others cannot', async () => {
		const { db, tenant, meeting, member, outsider, coordinator, ctxOf } = await setup();
		const ctx = await ctxOf(member);
		expect(await myAnswer(ctx, { meetingId: meeting.id })).toMatchObject({
			canAnswer: true,
			response: null
		});
		await answerInApp(ctx, {
			meetingId: meeting.id,
			response: 'maybe',
			comment: 'Vielleicht später'
		});
		expect(await myAnswer(ctx, { meetingId: meeting.id })).toMatchObject({
			canAnswer: true,
			response: 'maybe',
			comment: 'Vielleicht später'
		});
		const [row] = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(row).toMatchObject({ meetingId: meeting.id, response: 'maybe', mailedSequence: null });
		// the body is members-only: an outsider does not even see the meeting
		await expect(
			answerInApp(await ctxOf(outsider), { meetingId: meeting.id, response: 'yes' })
		).rejects.toBeInstanceOf(NotFoundError);
		// the coordinator sees it but is not a member
		await expect(
			answerInApp(await ctxOf(coordinator), { meetingId: meeting.id, response: 'yes' })
		).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_not_member' }
		});
		// a later invitation mails the member and keeps the answer
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const [after] = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(after).toMatchObject({ response: 'maybe', mailedSequence: 0 });
		const mail = (await mailsOf(tenant.id)).find((m) => m.to === member.email)!;
		expect(mail.text).toContain('Ihre bisherige Rückmeldung: Vielleicht.');
	});

	it('managers see who answered what, with counts; members do not', async () => {
		const { tenant, meeting, coordinator, member, guest, speaker, ctxOf } = await setup();
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		await answerInApp(await ctxOf(member), {
			meetingId: meeting.id,
			response: 'yes',
			comment: 'Gern'
		});
		await answerInApp(await ctxOf(guest), { meetingId: meeting.id, response: 'no' });
		const overview = await listAnswers(await ctxOf(speaker), { meetingId: meeting.id });
		expect(overview.counts).toEqual({ yes: 1, no: 1, maybe: 0, none: 1 });
		expect(overview.rows.map((r) => [r.name, r.response, r.organization])).toEqual([
			['Gerd Gast', 'no', null],
			['Mia Mitglied', 'yes', 'VHS Landshut'],
			['Sven Sprecher', null, null]
		]);
		expect(overview.rows.find((r) => r.name === 'Mia Mitglied')?.comment).toBe('Gern');
		expect(overview.notInvited).toEqual([]);
		await expect(
			listAnswers(await ctxOf(member), { meetingId: meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('notifyMeetingChange', () => {
	it('raises SEQUENCE and mails the changed invitation with what changed and new answer links', async () => {
		const { db, tenant, meeting, coordinator, member, guest, speaker, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		const oldToken = tokenOf((await mailsOf(tenant.id)).find((m) => m.to === member.email)!.text);
		const before = (await mailsOf(tenant.id)).length;
		await db.transaction(async (tx) => {
			const [prev] = await tx.select().from(meetings).where(eq(meetings.id, meeting.id));
			await tx
				.update(meetings)
				.set({
					location: 'Bürgerhaus, Saal 2',
					startsAt: new Date(START.getTime() + 3_600_000),
					endsAt: new Date(START.getTime() + 3 * 3_600_000)
				})
				.where(eq(meetings.id, meeting.id));
			await notifyMeetingChange(tx, ctx, meeting.id, 'updated', { before: prev });
		});
		const [after] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(after.sequence).toBe(1);
		const mails = (await mailsOf(tenant.id)).slice(before);
		// the three invited members and the speaker
		expect(mails.map((m) => m.to).sort()).toEqual(
			[speaker.email, member.email, guest.email, 'referentin@example.org'].sort()
		);
		const mail = mails.find((m) => m.to === member.email)!;
		expect(mail.subject).toBe('Geänderte Einladung: AK Bildung am Di., 10. Dez. 2030, 15:00 Uhr');
		expect(mail.text).toContain('Ort: jetzt Bürgerhaus, Saal 2 (bisher Rathaus, Raum 1)');
		expect(mail.text).toContain('Termin: jetzt Dienstag, 10. Dezember 2030, 15:00 bis 17:00 Uhr');
		const { calendar, vevent, event } = parseIcs(mail.attachments![0].content);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(event.uid).toBe(`meeting-${meeting.id}@localhost`);
		expect(event.sequence).toBe(1);
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
		const newToken = tokenOf(mail.text);
		expect(newToken).not.toBe(oldToken);
		expect(await findInvitationByToken(testCtx(db), { token: oldToken })).toBeNull();
		expect((await findInvitationByToken(testCtx(db), { token: newToken }))?.meetingId).toBe(
			meeting.id
		);
		const rows = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.meetingId, meeting.id));
		expect(rows.every((r) => r.mailedSequence === 1)).toBe(true);
	});

	it('mails the cancellation with METHOD:CANCEL, STATUS:CANCELLED and the reason', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		const before = (await mailsOf(tenant.id)).length;
		await db.transaction(async (tx) => {
			await tx
				.update(meetings)
				.set({ state: 'cancelled', cancelledAt: new Date(), cancelReason: 'Zu wenige Zusagen' })
				.where(eq(meetings.id, meeting.id));
			await notifyMeetingChange(tx, ctx, meeting.id, 'cancelled');
		});
		const mails = (await mailsOf(tenant.id)).slice(before);
		expect(mails).toHaveLength(4);
		const mail = mails.find((m) => m.to === member.email)!;
		expect(mail.subject).toBe('Abgesagt: AK Bildung am Di., 10. Dez. 2030, 14:00 Uhr');
		expect(mail.text).toContain('Grund: Zu wenige Zusagen');
		expect(mail.text).not.toContain('/antwort/');
		expect(mail.attachments![0]).toMatchObject({
			filename: 'absage.ics',
			contentType: 'text/calendar; charset=utf-8; method=CANCEL'
		});
		const { calendar, vevent, event } = parseIcs(mail.attachments![0].content);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.sequence).toBe(1);
		expect(event.uid).toBe(`meeting-${meeting.id}@localhost`);
	});

	it('raises SEQUENCE but mails nobody while the meeting was not invited; rolls back with the transaction', async () => {
		const { db, tenant, meeting, coordinator, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await db.transaction((tx) => notifyMeetingChange(tx, ctx, meeting.id, 'updated'));
		let [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row.sequence).toBe(1);
		expect(await mailsOf(tenant.id)).toHaveLength(0);
		await sendInvitations(ctx, { meetingId: meeting.id });
		const count = (await mailsOf(tenant.id)).length;
		await expect(
			db.transaction(async (tx) => {
				await notifyMeetingChange(tx, ctx, meeting.id, 'updated');
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		[row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row.sequence).toBe(1);
		expect(await mailsOf(tenant.id)).toHaveLength(count);
	});
});
