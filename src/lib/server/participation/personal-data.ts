import { asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
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
		contributions: await db
			.select({
				process: consultationProcesses.title,
				body: contributions.body,
				shownName: contributions.authorName,
				language: contributions.language,
				status: contributions.status,
				createdAt: contributions.createdAt,
				updatedAt: contributions.updatedAt
			})
			.from(contributions)
			.innerJoin(consultationProcesses, eq(consultationProcesses.id, contributions.processId))
			.where(eq(contributions.authorId, person.userId))
			.orderBy(asc(contributions.createdAt)),
		contribution_comments: await db
			.select({
				body: contributionComments.body,
				shownName: contributionComments.authorName,
				status: contributionComments.status,
				createdAt: contributionComments.createdAt
			})
			.from(contributionComments)
			.where(eq(contributionComments.authorId, person.userId))
			.orderBy(asc(contributionComments.createdAt)),
		contribution_supports: await db
			.select({ contribution: contributions.body, createdAt: contributionSupports.createdAt })
			.from(contributionSupports)
			.innerJoin(contributions, eq(contributions.id, contributionSupports.contributionId))
			.where(eq(contributionSupports.supporterKey, `user:${person.userId}`))
			.orderBy(asc(contributionSupports.createdAt)),
		dialogue_registrations: await db
			.select({
				dialogue: dialogues.title,
				name: dialogueRegistrations.name,
				email: dialogueRegistrations.email,
				status: dialogueRegistrations.status,
				createdAt: dialogueRegistrations.createdAt,
				cancelledAt: dialogueRegistrations.cancelledAt
			})
			.from(dialogueRegistrations)
			.innerJoin(dialogues, eq(dialogues.id, dialogueRegistrations.dialogueId))
			.where(
				or(
					eq(dialogueRegistrations.userId, person.userId),
					eq(sql`lower(${dialogueRegistrations.email})`, person.email)
				)
			)
			.orderBy(asc(dialogueRegistrations.createdAt))
	};
}
