import { eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { bodies, bodyJoinRequests, bodyMemberships } from './schema';

/** Art. 15: memberships in bodies (role, dates) and requests to join, with the message written. */
export async function bodiesPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	/** the body and tenant a row of `table` belongs to */
	const bodyOf = (table: typeof bodyMemberships | typeof bodyJoinRequests) => ({
		named: { tenant: tenants.name, body: bodies.name },
		joins: [
			[bodies, eq(bodies.id, table.bodyId)],
			[tenants, eq(tenants.id, table.tenantId)]
		] as [PgTable, SQL][],
		where: eq(table.userId, person.userId)
	});
	return {
		body_memberships: await personRows(
			db,
			bodyMemberships,
			'role organizationId startDate endDate createdAt',
			{ ...bodyOf(bodyMemberships), orderBy: bodyMemberships.startDate }
		),
		body_join_requests: await personRows(
			db,
			bodyJoinRequests,
			'message status createdAt decidedAt',
			{ ...bodyOf(bodyJoinRequests), orderBy: bodyJoinRequests.createdAt }
		)
	};
}

/** Art. 17: memberships in bodies and requests to join (with their messages) go. */
export async function eraseBodiesPersonalData(tx: Executor, person: ErasureSubject): Promise<void> {
	await tx.delete(bodyJoinRequests).where(eq(bodyJoinRequests.userId, person.userId));
	await tx.delete(bodyMemberships).where(eq(bodyMemberships.userId, person.userId));
}
