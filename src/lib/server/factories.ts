/**
 * One set of factories for the tests, the end-to-end tests and the demo seed.
 * They write rows directly (no authorisation): callers are trusted code, never a request.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from './db/client';
import { tenants, type Tenant } from './tenants/schema';
import { editorOrganizations, tenantMembers, users, type Role, type User } from './auth/schema';
import { organizations, organizationTypes, organizationTenants } from './organizations/schema';
import { hashPassword } from './auth/password';

const short = () => randomUUID().slice(0, 8);

export async function buildTenant(
	db: Executor,
	overrides: Partial<typeof tenants.$inferInsert> = {}
): Promise<Tenant> {
	const id = short();
	const [row] = await db
		.insert(tenants)
		.values({
			name: `Teststadt ${id}`,
			slug: `teststadt-${id}`,
			kind: 'city',
			land: 'BY',
			...overrides
		})
		.returning();
	return row;
}

const hashCache = new Map<string, Promise<string>>();
/** Same password, same hash: argon2 is slow on purpose, and tests and the seed reuse passwords. */
function cachedHash(password: string) {
	let h = hashCache.get(password);
	if (!h) hashCache.set(password, (h = hashPassword(password)));
	return h;
}

export async function buildUser(
	db: Executor,
	overrides: Partial<typeof users.$inferInsert> & { password?: string | null } = {}
): Promise<User> {
	const { password = 'correct horse battery', ...rest } = overrides;
	const id = short();
	const [row] = await db
		.insert(users)
		.values({
			email: `person-${id}@example.org`,
			name: `Person ${id}`,
			passwordHash: password === null ? null : await cachedHash(password),
			...rest
		})
		.returning();
	return row;
}

export async function grantRole(
	db: Executor,
	tenantId: string,
	userId: string,
	role: Role,
	organizationIds: string[] = []
): Promise<void> {
	await db.insert(tenantMembers).values({ tenantId, userId, role });
	if (organizationIds.length > 0) {
		await db
			.insert(editorOrganizations)
			.values(organizationIds.map((organizationId) => ({ tenantId, userId, organizationId })));
	}
}

export async function buildOrganizationType(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof organizationTypes.$inferInsert> = {}
) {
	const id = short();
	const [row] = await db
		.insert(organizationTypes)
		.values({ tenantId, key: `type-${id}`, name: `Typ ${id}`, ...overrides })
		.returning();
	return row;
}

export async function buildOrganization(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof organizations.$inferInsert> & { alsoIn?: string[] } = {}
) {
	const { alsoIn = [], ...rest } = overrides;
	const [row] = await db
		.insert(organizations)
		.values({ tenantId, name: `Organisation ${short()}`, ...rest })
		.returning();
	if (alsoIn.length > 0) {
		await db
			.insert(organizationTenants)
			.values(alsoIn.map((t) => ({ organizationId: row.id, tenantId: t })));
	}
	return row;
}
