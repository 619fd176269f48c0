import { eq, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import {
	consultationProcesses,
	contributionComments,
	contributionSupports,
	contributions,
	dialogueRegistrations,
	dialogues
} from './schema';

/**
 * Art. 15: contributions and comments the person wrote (not those staff entered for others),
 * the contributions they support, and dialogue registrations under their account or address.
 */
export async function participationPersonalData(
	db: Db,
	person: DataSubject
): Promise<PersonalDataPart> {
	return {
		contributions: await personRows(db, contributions, 'body language status createdAt updatedAt', {
			named: { process: consultationProcesses.title, shownName: contributions.authorName },
			joins: [[consultationProcesses, eq(consultationProcesses.id, contributions.processId)]],
			where: eq(contributions.authorId, person.userId),
			orderBy: contributions.createdAt
		}),
		contribution_comments: await personRows(db, contributionComments, 'body status createdAt', {
			named: { shownName: contributionComments.authorName },
			where: eq(contributionComments.authorId, person.userId),
			orderBy: contributionComments.createdAt
		}),
		contribution_supports: await personRows(db, contributionSupports, 'createdAt', {
			named: { contribution: contributions.body },
			joins: [[contributions, eq(contributions.id, contributionSupports.contributionId)]],
			where: eq(contributionSupports.supporterKey, `user:${person.userId}`),
			orderBy: contributionSupports.createdAt
		}),
		dialogue_registrations: await personRows(
			db,
			dialogueRegistrations,
			'name email status createdAt cancelledAt',
			{
				named: { dialogue: dialogues.title },
				joins: [[dialogues, eq(dialogues.id, dialogueRegistrations.dialogueId)]],
				where: or(
					eq(dialogueRegistrations.userId, person.userId),
					eq(sql`lower(${dialogueRegistrations.email})`, person.email)
				),
				orderBy: dialogueRegistrations.createdAt
			}
		)
	};
}

/**
 * Art. 17: contributions and comments stay in the consultation as anonymous ones (without the
 * author and the name shown); supports and dialogue registrations (account or address) go.
 */
export async function eraseParticipationPersonalData(
	tx: Executor,
	person: ErasureSubject
): Promise<void> {
	await tx
		.update(contributions)
		.set({ authorId: null, authorName: null })
		.where(eq(contributions.authorId, person.userId));
	await tx
		.update(contributionComments)
		.set({ authorId: null, authorName: null })
		.where(eq(contributionComments.authorId, person.userId));
	await tx
		.delete(contributionSupports)
		.where(eq(contributionSupports.supporterKey, `user:${person.userId}`));
	await tx
		.delete(dialogueRegistrations)
		.where(
			or(
				eq(dialogueRegistrations.userId, person.userId),
				eq(sql`lower(${dialogueRegistrations.email})`, person.email)
			)
		);
}
