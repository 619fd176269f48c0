import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { meetings } from '../meetings/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
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

/** Art. 17: invitations to meetings with the person's answers and comments go. */
export async function eraseInvitationsPersonalData(
	tx: Executor,
	person: ErasureSubject
): Promise<void> {
	await tx.delete(meetingInvitations).where(eq(meetingInvitations.userId, person.userId));
}
