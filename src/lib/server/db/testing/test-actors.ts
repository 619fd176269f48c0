/** The people of a test scenario: a user with a role in a tenant, as the context of a request. */
import type { Db } from '../client';
import type { TenantCtx, TenantLike } from '../../context';
import type { Actor } from '../../auth/actor';
import type { Role } from '../../auth/schema';
import type { MembershipRole } from '../../bodies/schema';
import { loadActor } from '../../auth/sessions';
import { buildMembership, buildTenant, buildUser, grantRole } from '../../factories';
import { testTenantCtx } from './test-db';

/**
 * A role in the tenant; 'admin' a platform admin without a role there, 'none' nobody signed in,
 * 'other' the coordinator of the other tenant.
 */
export type TestRole = Role | 'admin' | 'none' | 'other';

export type BodyRef = { id: string; tenantId: string };

export interface ActorOptions {
	/** The tenant whose coordinator 'other' is. */
	other?: { id: string };
	/** Organisations an editor edits for. */
	orgs?: string[];
	/** Body memberships of the user: the body and the role in it (member unless given). */
	bodies?: { body: BodyRef; role?: MembershipRole; startDate?: string }[];
	/** Columns of the user (name, locale, …). */
	user?: Parameters<typeof buildUser>[1];
}

/** A new user with `role` (see TestRole); null for 'none'. */
export async function testActor(
	db: Db,
	tenantId: string,
	role: TestRole,
	{ other, orgs = [], bodies = [], user: columns = {} }: ActorOptions = {}
): Promise<Actor | null> {
	if (role === 'none') return null;
	const user = await buildUser(db, { isPlatformAdmin: role === 'admin', ...columns });
	if (role === 'other') {
		if (!other) throw new Error("testActor: 'other' needs the other tenant");
		await grantRole(db, other.id, user.id, 'coordinator');
	} else if (role !== 'admin') await grantRole(db, tenantId, user.id, role, orgs);
	for (const m of bodies)
		await buildMembership(
			db,
			m.body,
			user.id,
			m.role ?? 'member',
			m.startDate ? { startDate: m.startDate } : {}
		);
	return loadActor(db, user.id);
}

/** The context of a request in `tenant` by a new user with `role` (see testActor). */
export async function actorCtx(
	db: Db,
	tenant: TenantLike,
	role: TestRole,
	options: ActorOptions = {}
): Promise<TenantCtx> {
	return testTenantCtx(db, tenant, await testActor(db, tenant.id, role, options));
}

/** The options of actorCtx for a membership in `body`, when a body role is given. */
export function inBody(body: BodyRef, role?: MembershipRole): ActorOptions {
	return role ? { bodies: [{ body, role }] } : {};
}

/**
 * The start of most db tests: a tenant, another tenant, and `ctxFor` to make people in the
 * first (role 'other': the coordinator of the second).
 */
export async function tenantScenario(db: Db, columns: Parameters<typeof buildTenant>[1] = {}) {
	const tenant = await buildTenant(db, columns);
	const other = await buildTenant(db);
	const ctxFor = (role: TestRole, options: ActorOptions = {}) =>
		actorCtx(db, tenant, role, { other, ...options });
	return { db, tenant, other, ctxFor };
}
