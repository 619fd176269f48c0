import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { meetings } from '../meetings/schema';
import { meetingInvitations } from './schema';
import { sendInvitations } from './invitations';
import { findInvitationByToken } from './answers';
import { notifyMeetingChange } from './notify';
import {
	mailsOf as mailsIn,
	parseIcs,
	setupInvitations,
	START,
	tokenOf
} from './invitations-setup';

const database = useTestDb();

const setup = () => setupInvitations(database.db);
const mailsOf = (tenantId: string) => mailsIn(database.db, tenantId);

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
