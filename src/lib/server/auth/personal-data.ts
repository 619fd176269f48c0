import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import {
	editorOrganizations,
	invitations,
	passwordResets,
	sessions,
	signInAttempts,
	signInThrottles,
	tenantMembers,
	users
} from './schema';

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

/**
 * Art. 17, last step of an erasure: every session ends, password resets, roles, editor
 * organisations, invitations to the address and the sign-in counters keyed by it go, then the
 * account itself (links elsewhere that are only "who did it" are cleared by their foreign keys).
 */
export async function eraseAuthPersonalData(tx: Executor, person: ErasureSubject): Promise<void> {
	await tx.delete(sessions).where(eq(sessions.userId, person.userId));
	await tx.delete(passwordResets).where(eq(passwordResets.userId, person.userId));
	await tx.delete(editorOrganizations).where(eq(editorOrganizations.userId, person.userId));
	await tx.delete(tenantMembers).where(eq(tenantMembers.userId, person.userId));
	await tx.delete(invitations).where(eq(sql`lower(${invitations.email})`, person.email));
	// throttle keys hold the address ("pair:<email>|<address>", "email:<email>")
	await tx
		.delete(signInThrottles)
		.where(sql`strpos(lower(${signInThrottles.key}), ${person.email}) > 0`);
	await tx
		.delete(signInAttempts)
		.where(or(sql`strpos(lower(${signInAttempts.key}), ${person.email}) > 0`));
	await tx.delete(users).where(eq(users.id, person.userId));
}
