import { and, eq, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
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

/** Keys whose values in an entry about the person are the person's own (also earlier ones). */
const OWN_KEYS = new Set(['name', 'email']);

/**
 * Replaces every mention of the person (id, e-mail, name) in a recorded state by the pseudonym;
 * in an entry about the person (`about`), also earlier names and addresses.
 */
function pseudonymise(value: unknown, person: ErasureSubject, about = false): unknown {
	if (typeof value === 'string') {
		let out = value;
		for (const mention of [person.userId, person.email, person.name]) {
			if (mention.length < 2) continue;
			const escaped = mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			out = out.replace(new RegExp(escaped, 'gi'), person.pseudonym);
		}
		return out;
	}
	if (Array.isArray(value)) return value.map((v) => pseudonymise(v, person, about));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [
				k,
				about && OWN_KEYS.has(k) && typeof v === 'string'
					? person.pseudonym
					: pseudonymise(v, person, about)
			])
		);
	return value;
}

/**
 * Art. 17: the audit log is kept (it is the record of who changed what), but under a pseudonym:
 * entries by the person lose the link to the account and carry the pseudonym, and the person's
 * id, e-mail address and name in any entry's object or recorded states become the pseudonym.
 */
export async function eraseAuditPersonalData(tx: Executor, person: ErasureSubject): Promise<void> {
	const mentions = (column: typeof auditLog.before | typeof auditLog.after) =>
		or(
			sql`strpos(lower(${column}::text), ${person.email}) > 0`,
			sql`strpos(lower(${column}::text), lower(${person.name})) > 0`,
			sql`strpos(${column}::text, ${person.userId}) > 0`
		);
	const rows = await tx
		.select({
			id: auditLog.id,
			entityId: auditLog.entityId,
			before: auditLog.before,
			after: auditLog.after
		})
		.from(auditLog)
		.where(
			or(
				eq(auditLog.actorId, person.userId),
				eq(auditLog.entityId, person.userId),
				mentions(auditLog.before),
				mentions(auditLog.after)
			)
		);
	await tx
		.update(auditLog)
		.set({ actorId: null, actorPseudonym: person.pseudonym })
		.where(eq(auditLog.actorId, person.userId));
	for (const row of rows) {
		const about = row.entityId === person.userId;
		await tx
			.update(auditLog)
			.set({
				entityId: about ? person.pseudonym : row.entityId,
				before: pseudonymise(row.before, person, about),
				after: pseudonymise(row.after, person, about)
			})
			.where(eq(auditLog.id, row.id));
	}
}
