import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meetings } from '../meetings/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
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
