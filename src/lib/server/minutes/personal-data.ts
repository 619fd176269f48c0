import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meetings } from '../meetings/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { actionItems, meetingAttendance } from './schema';

/** Art. 15: attendance recorded in minutes and the action items assigned to the person. */
export async function minutesPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	return {
		meeting_attendance: await db
			.select({
				meeting: meetings.title,
				meetingStartsAt: meetings.startsAt,
				status: meetingAttendance.status,
				affiliation: meetingAttendance.affiliation,
				createdAt: meetingAttendance.createdAt
			})
			.from(meetingAttendance)
			.innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
			.where(eq(meetingAttendance.userId, person.userId))
			.orderBy(asc(meetings.startsAt)),
		action_items: await db
			.select({
				title: actionItems.title,
				description: actionItems.description,
				dueDate: actionItems.dueDate,
				state: actionItems.state,
				completedAt: actionItems.completedAt,
				createdAt: actionItems.createdAt
			})
			.from(actionItems)
			.where(eq(actionItems.assigneeUserId, person.userId))
			.orderBy(asc(actionItems.createdAt))
	};
}
