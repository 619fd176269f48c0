import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { editorOrganizations, invitations, sessions, tenantMembers, users } from './schema';

/**
 * Art. 15: the account (without the password hash), roles per tenant, organisations kept as
 * editor, sessions (times only; tokens are never stored) and invitations to the address.
 */
export async function authPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	const [account] = await db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			hasPassword: users.passwordHash,
			isPlatformAdmin: users.isPlatformAdmin,
			locale: users.locale,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt,
			updatedAt: users.updatedAt
		})
		.from(users)
		.where(eq(users.id, person.userId));
	return {
		account: account ? [{ ...account, hasPassword: account.hasPassword !== null }] : [],
		tenant_roles: await db
			.select({ tenant: tenants.name, role: tenantMembers.role, since: tenantMembers.createdAt })
			.from(tenantMembers)
			.innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
			.where(eq(tenantMembers.userId, person.userId))
			.orderBy(asc(tenants.name)),
		editor_organizations: await db
			.select({ tenant: tenants.name, organizationId: editorOrganizations.organizationId })
			.from(editorOrganizations)
			.innerJoin(tenants, eq(tenants.id, editorOrganizations.tenantId))
			.where(eq(editorOrganizations.userId, person.userId)),
		sessions: await db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, person.userId))
			.orderBy(asc(sessions.createdAt)),
		invitations: await db
			.select({
				tenant: tenants.name,
				name: invitations.name,
				email: invitations.email,
				role: invitations.role,
				createdAt: invitations.createdAt,
				expiresAt: invitations.expiresAt,
				acceptedAt: invitations.acceptedAt,
				revokedAt: invitations.revokedAt
			})
			.from(invitations)
			.innerJoin(tenants, eq(tenants.id, invitations.tenantId))
			.where(eq(sql`lower(${invitations.email})`, person.email))
			.orderBy(asc(invitations.createdAt))
	};
}
