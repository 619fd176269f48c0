import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import {
	buildActionItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildUser,
	grantRole
} from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError } from '../errors';
import { meetings } from '../meetings/schema';
import { meetingInvitations } from './schema';
import { invitationPreview, sendInvitations } from './invitations';
import { mailsOf as mailsIn, parseIcs, setupInvitations, tokenOf } from './invitations-setup';

const database = useTestDb();

const setup = () => setupInvitations(database.db);
const mailsOf = (tenantId: string) => mailsIn(database.db, tenantId);

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
		expect(result).toEqual({ mailed: 3, speakers: 1, municipalities: 0 });
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
			speakers: 0,
			municipalities: 0
		});
		const newcomer = await buildUser(db, { name: 'Nina Neu' });
		await grantRole(db, tenant.id, newcomer.id, 'member');
		await buildMembership(db, body, newcomer.id);
		const before = (await mailsOf(tenant.id)).length;
		expect(await sendInvitations(ctx, { meetingId: meeting.id })).toEqual({
			mailed: 1,
			speakers: 0,
			municipalities: 0
		});
		const mails = await mailsOf(tenant.id);
		expect(mails.slice(before).map((m) => m.to)).toEqual([newcomer.email]);
		expect(await sendInvitations(ctx, { all: true, meetingId: meeting.id })).toEqual({
			mailed: 4,
			speakers: 1,
			municipalities: 0
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
		const { meeting, coordinator, member, ctxOf } = await setup();
		const preview = await invitationPreview(await ctxOf(coordinator), { meetingId: meeting.id });
		expect(preview.subject).toBe('Einladung: AK Bildung am Di., 10. Dez. 2030, 14:00 Uhr');
		expect(preview.text).toContain('TOP 2: Sprachkurse für Eltern');
		expect(preview).toMatchObject({ members: 3, pending: 3, speakersWithEmail: 1, open: true });
		await expect(
			invitationPreview(await ctxOf(member), { meetingId: meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
