import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildBody, buildMeeting, buildMembership, buildTenant, buildUser } from '../factories';
import { hashToken, newToken } from '../auth/tokens';
import { outbox } from '../mail/schema';
import { meetings } from '../meetings/schema';
import { meetingInvitations, type RsvpResponse } from './schema';
import { sendMeetingReminders } from './reminders';
import { findInvitationByToken } from './answers';

const database = useTestDb();

const DAY = 86_400_000;
const origin = 'http://localhost:3000';

/**
 * A body with three invited members (no answer, "maybe", "no") and a meeting `daysAhead` days
 * after `now`, invited 10 days before `now`. Each test uses its own `now` years apart, so the
 * meetings of other tests are never due.
 */
async function setup(now: Date, daysAhead: number, reminderDays: number | null = 3) {
	const db = database.db;
	const tenant = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { shortName: 'AK Sprache', reminderDays });
	const startsAt = new Date(now.getTime() + daysAhead * DAY);
	const meeting = await buildMeeting(db, body, {
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
		state: 'invited',
		invitedAt: new Date(now.getTime() - 10 * DAY)
	});
	const people: Record<string, { id: string; email: string }> = {};
	const answers: [string, RsvpResponse | null][] = [
		['open', null],
		['maybe', 'maybe'],
		['no', 'no']
	];
	for (const [key, response] of answers) {
		const user = await buildUser(db, { name: `Person ${key}` });
		await buildMembership(db, body, user.id);
		await db.insert(meetingInvitations).values({
			tenantId: tenant.id,
			meetingId: meeting.id,
			userId: user.id,
			tokenHash: hashToken(newToken()),
			response,
			respondedAt: response ? now : null,
			mailedSequence: 0
		});
		people[key] = user;
	}
	return { db, tenant, body, meeting, people };
}

async function mailsOf(tenantId: string) {
	const rows = await database.db
		.select()
		.from(outbox)
		.where(eq(outbox.tenantId, tenantId))
		.orderBy(asc(outbox.createdAt));
	return rows.map((r) => r.payload);
}

describe('sendMeetingReminders', () => {
	it('reminds everyone who did not say no, once, with the .ics and working answer links', async () => {
		const now = new Date('2031-05-04T08:00:00Z');
		const { db, tenant, meeting, people } = await setup(now, 2);
		const first = await sendMeetingReminders(db, origin, now);
		expect(first).toEqual({ meetings: 1, mails: 2 });
		const mails = await mailsOf(tenant.id);
		expect(mails.map((m) => m.to).sort()).toEqual([people.open.email, people.maybe.email].sort());
		const mail = mails.find((m) => m.to === people.maybe.email)!;
		expect(mail.subject).toBe('Erinnerung: AK Sprache am Di., 6. Mai 2031, 10:00 Uhr');
		expect(mail.text).toContain('Ihre bisherige Rückmeldung: Vielleicht.');
		const token = /\/antwort\/([A-Za-z0-9_-]+)\?antwort=ja/.exec(mail.text)![1];
		expect((await findInvitationByToken(testCtx(db), { token }))?.meetingId).toBe(meeting.id);
		const calendar = new ICAL.Component(ICAL.parse(mail.attachments![0].content));
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		const attendee = calendar.getFirstSubcomponent('vevent')!.getFirstProperty('attendee')!;
		expect(attendee.getParameter('partstat')).toBe('TENTATIVE');
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row.remindedAt?.toISOString()).toBe(now.toISOString());
		// idempotent: an hour later nothing new
		expect(await sendMeetingReminders(db, origin, new Date(now.getTime() + 3_600_000))).toEqual({
			meetings: 0,
			mails: 0
		});
		expect(await mailsOf(tenant.id)).toHaveLength(2);
	});

	it('waits until the start is within the body’s reminder days', async () => {
		const now = new Date('2033-02-01T08:00:00Z');
		const { db, tenant, meeting } = await setup(now, 5, 3);
		expect(await sendMeetingReminders(db, origin, now)).toEqual({ meetings: 0, mails: 0 });
		expect(await sendMeetingReminders(db, origin, new Date(now.getTime() + 1.9 * DAY))).toEqual({
			meetings: 0,
			mails: 0
		});
		expect(await mailsOf(tenant.id)).toHaveLength(0);
		expect(await sendMeetingReminders(db, origin, new Date(now.getTime() + 2 * DAY))).toEqual({
			meetings: 1,
			mails: 2
		});
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row.remindedAt).not.toBeNull();
	});

	it('sends nothing for bodies without reminders, for cancelled or past meetings, or just after the invitation', async () => {
		const now = new Date('2035-09-01T08:00:00Z');
		const none = await setup(now, 1, null);
		const cancelled = await setup(now, 1);
		await database.db
			.update(meetings)
			.set({ state: 'cancelled', cancelledAt: now })
			.where(eq(meetings.id, cancelled.meeting.id));
		const past = await setup(now, -1);
		const late = await setup(now, 2);
		// invited after the reminder time had come: the invitation itself is recent enough
		await database.db
			.update(meetings)
			.set({ invitedAt: new Date(now.getTime() - 0.5 * DAY) })
			.where(eq(meetings.id, late.meeting.id));
		expect(await sendMeetingReminders(database.db, origin, now)).toEqual({ meetings: 0, mails: 0 });
		for (const s of [none, cancelled, past, late])
			expect(await mailsOf(s.tenant.id)).toHaveLength(0);
	});
});
