import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { auditLog } from './schema';

/**
 * Art. 15: audit entries about the person's account (with the recorded state before and after)
 * and what the person did (action and object only: the recorded states of those entries
 * describe other people and things).
 */
export async function auditPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	return {
		audit_about_person: await personRows(db, auditLog, 'action before after createdAt', {
			where: and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, person.userId)),
			orderBy: auditLog.id
		}),
		audit_by_person: await personRows(db, auditLog, 'action entityType entityId createdAt', {
			where: eq(auditLog.actorId, person.userId),
			orderBy: auditLog.id
		})
	};
}
