/**
 * Reminders before a meeting: `bodies.reminder_days` days before the start, every invited
 * member who has not said no gets one mail with new answer links and the .ics. Once per
 * meeting (meetings.reminded_at). Run from the hourly maintenance (runtime.ts); safe with
 * several instances (SKIP LOCKED).
 */
import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { meetingInvitations } from './schema';
import { newToken, hashToken } from '../auth/tokens';
import { loadMeetingDetails } from './details';
import { invitedPeople, queueMeetingMail } from './invitations';

const BATCH = 50;

async function sendBatch(
	db: Db,
	origin: string,
	now: Date
): Promise<{ meetings: number; mails: number }> {
	const at = now.toISOString();
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: meetings.id, tenantId: meetings.tenantId })
			.from(meetings)
			.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
			.where(
				and(
					eq(meetings.state, 'invited'),
					isNull(meetings.cancelledAt),
					isNull(meetings.remindedAt),
					isNotNull(meetings.invitedAt),
					isNotNull(bodies.reminderDays),
					sql`${meetings.startsAt} > ${at}::timestamptz`,
					sql`${meetings.startsAt} <= ${at}::timestamptz + make_interval(days => ${bodies.reminderDays})`,
					// invited only just before: the invitation itself is the reminder
					sql`${meetings.invitedAt} <= ${meetings.startsAt} - make_interval(days => ${bodies.reminderDays})`
				)
			)
			.orderBy(meetings.startsAt)
			.limit(BATCH)
			.for('update', { of: meetings, skipLocked: true });
		let mails = 0;
		for (const d of due) {
			const details = await loadMeetingDetails(tx, d.tenantId, d.id);
			if (!details) continue;
			const people = await invitedPeople(
				tx,
				d.tenantId,
				d.id,
				and(
					isNotNull(meetingInvitations.mailedSequence),
					or(isNull(meetingInvitations.response), sql`${meetingInvitations.response} <> 'no'`)
				)
			);
			for (const person of people) {
				const token = newToken();
				await tx
					.update(meetingInvitations)
					.set({ tokenHash: hashToken(token) })
					.where(eq(meetingInvitations.id, person.id));
				await queueMeetingMail(tx, {
					kind: 'reminder',
					details,
					origin,
					to: person,
					token,
					response: person.response
				});
				mails++;
			}
			await tx.update(meetings).set({ remindedAt: now }).where(eq(meetings.id, d.id));
		}
		return { meetings: due.length, mails };
	});
}

/**
 * Sends the meeting reminders that are due at `now`; returns how many meetings and mails.
 * Wire into the hourly maintenance: `sendMeetingReminders(database.db, origin, new Date())`.
 */
export async function sendMeetingReminders(
	db: Db,
	origin: string,
	now: Date = new Date()
): Promise<{ meetings: number; mails: number }> {
	const total = { meetings: 0, mails: 0 };
	for (let i = 0; i < 100; i++) {
		const batch = await sendBatch(db, origin, now);
		total.meetings += batch.meetings;
		total.mails += batch.mails;
		if (batch.meetings < BATCH) break;
	}
	return total;
}
