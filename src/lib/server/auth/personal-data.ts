import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { editorOrganizations, invitations, sessions, tenantMembers, users } from './schema';

/**
 * Art. 15: the account (without the password hash), roles per tenant, organisations kept as
 * editor, sessions (times only; tokens are never stored) and invitations to the address.
 */
export async function authPersonalData(db: Db, person: DataSubject): Promise<PersonalDataPart> {
	const ofTenant = (tenantId: PgColumn) => ({
		named: { tenant: tenants.name },
		joins: [[tenants, eq(tenants.id, tenantId)]] as [PgTable, SQL][]
	});
	const account = await personRows(
		db,
		users,
		'id email name isPlatformAdmin locale disabledAt createdAt updatedAt',
		{ named: { hasPassword: users.passwordHash }, where: eq(users.id, person.userId) }
	);
	return {
		account: account.map((row) => ({ ...row, hasPassword: row.hasPassword !== null })),
		tenant_roles: await personRows(db, tenantMembers, 'role', {
			named: { tenant: tenants.name, since: tenantMembers.createdAt },
			joins: ofTenant(tenantMembers.tenantId).joins,
			where: eq(tenantMembers.userId, person.userId),
			orderBy: tenants.name
		}),
		editor_organizations: await personRows(db, editorOrganizations, 'organizationId', {
			...ofTenant(editorOrganizations.tenantId),
			where: eq(editorOrganizations.userId, person.userId)
		}),
		sessions: await personRows(db, sessions, 'createdAt expiresAt', {
			where: eq(sessions.userId, person.userId),
			orderBy: sessions.createdAt
		}),
		invitations: await personRows(
			db,
			invitations,
			'name email role createdAt expiresAt acceptedAt revokedAt',
			{
				...ofTenant(invitations.tenantId),
				where: eq(sql`lower(${invitations.email})`, person.email),
				orderBy: invitations.createdAt
			}
		)
	};
}
