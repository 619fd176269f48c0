import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meetings } from '../meetings/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { meetingInvitations } from './schema';

/** Art. 15: invitations to meetings with the person's answer and comment. */
export async function invitationsPersonalData(
	db: Db,
	person: DataSubject
): Promise<PersonalDataPart> {
	return {
		meeting_invitations: await personRows(
			db,
			meetingInvitations,
			'response comment respondedAt createdAt',
			{
				named: { meeting: meetings.title, meetingStartsAt: meetings.startsAt },
				joins: [[meetings, eq(meetings.id, meetingInvitations.meetingId)]],
				where: eq(meetingInvitations.userId, person.userId),
				orderBy: meetings.startsAt
			}
		)
	};
}
