import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { meetings } from '../meetings/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { actionItems, meetingAttendance } from './schema';

/** Art. 15: attendance recorded in minutes and the action items assigned to the person. */
export async function minutesPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	return {
		meeting_attendance: await personRows(db, meetingAttendance, 'status affiliation createdAt', {
			named: { meeting: meetings.title, meetingStartsAt: meetings.startsAt },
			joins: [[meetings, eq(meetings.id, meetingAttendance.meetingId)]],
			where: eq(meetingAttendance.userId, person.userId),
			orderBy: meetings.startsAt
		}),
		action_items: await personRows(
			db,
			actionItems,
			'title description dueDate state completedAt createdAt',
			{ where: eq(actionItems.assigneeUserId, person.userId), orderBy: actionItems.createdAt }
		)
	};
}

/**
 * Art. 17: approved (and published) minutes are a record that must stay as it was agreed, so
 * the person's attendance there keeps the name as recorded in the meeting (as a name without
 * account); attendance of other meetings goes, and action items lose their assignee.
 */
export async function eraseMinutesPersonalData(
	tx: Executor,
	person: ErasureSubject
): Promise<void> {
	const recorded = tx
		.select({ id: meetings.id })
		.from(meetings)
		.where(inArray(meetings.minutesState, ['approved', 'published']));
	await tx
		.update(meetingAttendance)
		.set({ userId: null, guestName: person.name })
		.where(
			and(
				eq(meetingAttendance.userId, person.userId),
				inArray(meetingAttendance.meetingId, recorded)
			)
		);
	await tx.delete(meetingAttendance).where(eq(meetingAttendance.userId, person.userId));
	await tx
		.update(actionItems)
		.set({ assigneeUserId: null })
		.where(eq(actionItems.assigneeUserId, person.userId));
}
