import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { paperAuthors, paperComments, papers } from './schema';

/** Art. 15: papers the person is named author of, and their comments on papers. */
export async function papersPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	return {
		paper_authorships: await personRows(db, paperAuthors, 'createdAt', {
			named: { reference: papers.reference, title: papers.title },
			joins: [[papers, eq(papers.id, paperAuthors.paperId)]],
			where: eq(paperAuthors.userId, person.userId),
			orderBy: paperAuthors.createdAt
		}),
		paper_comments: await personRows(db, paperComments, 'text createdAt updatedAt', {
			named: { paper: papers.reference },
			joins: [[papers, eq(papers.id, paperComments.paperId)]],
			where: eq(paperComments.authorId, person.userId),
			orderBy: paperComments.createdAt
		})
	};
}

/** Art. 17: the person is no longer named as an author; their comments on papers go. */
export async function erasePapersPersonalData(tx: Executor, person: ErasureSubject): Promise<void> {
	await tx.delete(paperAuthors).where(eq(paperAuthors.userId, person.userId));
	await tx.delete(paperComments).where(eq(paperComments.authorId, person.userId));
}
