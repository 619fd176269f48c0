import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { paperAuthors, paperComments, papers } from './schema';

/** Art. 15: papers the person is named author of, and their comments on papers. */
export async function papersPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	return {
		paper_authorships: await db
			.select({
				reference: papers.reference,
				title: papers.title,
				createdAt: paperAuthors.createdAt
			})
			.from(paperAuthors)
			.innerJoin(papers, eq(papers.id, paperAuthors.paperId))
			.where(eq(paperAuthors.userId, person.userId))
			.orderBy(asc(paperAuthors.createdAt)),
		paper_comments: await db
			.select({
				paper: papers.reference,
				text: paperComments.text,
				createdAt: paperComments.createdAt,
				updatedAt: paperComments.updatedAt
			})
			.from(paperComments)
			.innerJoin(papers, eq(papers.id, paperComments.paperId))
			.where(eq(paperComments.authorId, person.userId))
			.orderBy(asc(paperComments.createdAt))
	};
}
