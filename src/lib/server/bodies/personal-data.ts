import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { bodies, bodyJoinRequests, bodyMemberships } from './schema';

/** Art. 15: memberships in bodies (role, dates) and requests to join, with the message written. */
export async function bodiesPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	return {
		body_memberships: await db
			.select({
				tenant: tenants.name,
				body: bodies.name,
				role: bodyMemberships.role,
				organizationId: bodyMemberships.organizationId,
				startDate: bodyMemberships.startDate,
				endDate: bodyMemberships.endDate,
				createdAt: bodyMemberships.createdAt
			})
			.from(bodyMemberships)
			.innerJoin(bodies, eq(bodies.id, bodyMemberships.bodyId))
			.innerJoin(tenants, eq(tenants.id, bodyMemberships.tenantId))
			.where(eq(bodyMemberships.userId, person.userId))
			.orderBy(asc(bodyMemberships.startDate)),
		body_join_requests: await db
			.select({
				tenant: tenants.name,
				body: bodies.name,
				message: bodyJoinRequests.message,
				status: bodyJoinRequests.status,
				createdAt: bodyJoinRequests.createdAt,
				decidedAt: bodyJoinRequests.decidedAt
			})
			.from(bodyJoinRequests)
			.innerJoin(bodies, eq(bodies.id, bodyJoinRequests.bodyId))
			.innerJoin(tenants, eq(tenants.id, bodyJoinRequests.tenantId))
			.where(eq(bodyJoinRequests.userId, person.userId))
			.orderBy(asc(bodyJoinRequests.createdAt))
	};
}
