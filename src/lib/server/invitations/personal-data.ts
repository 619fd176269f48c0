import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meetings } from '../meetings/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { meetingInvitations } from './schema';

/** Art. 15: invitations to meetings with the person's answer and comment. */
export async function invitationsPersonalData(
	db: Db,
	person: DataSubject
): Promise<PersonalDataPart> {
	return {
		meeting_invitations: await db
			.select({
				meeting: meetings.title,
				meetingStartsAt: meetings.startsAt,
				response: meetingInvitations.response,
				comment: meetingInvitations.comment,
				respondedAt: meetingInvitations.respondedAt,
				createdAt: meetingInvitations.createdAt
			})
			.from(meetingInvitations)
			.innerJoin(meetings, eq(meetings.id, meetingInvitations.meetingId))
			.where(eq(meetingInvitations.userId, person.userId))
			.orderBy(asc(meetings.startsAt))
	};
}
