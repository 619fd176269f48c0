import { and, eq, getTableName, gt, lt, sql, type SQL } from 'drizzle-orm';
import { bodyMemberships, type MembershipRole } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';
import { berlinToday } from '../shared';
import type { Db, Executor } from '../db/client';
import { editorOrganizations, sessions, tenantMembers, users, type Role } from './schema';
import { hashToken, newToken } from './tokens';
import type { Actor } from './actor';
import { forgetKept, untilChange } from '../cache/until-change';

export const SESSION_COOKIE = 'mt_session';
const DAY = 24 * 60 * 60 * 1000;
/** A session lives 30 days and is extended when used in its second half. */
export const SESSION_DAYS = 30;

export async function createSession(
	db: Executor,
	userId: string
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY);
	await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt });
	return { token, expiresAt };
}

/**
 * The actor's roles as three JSON arrays selected with the user row, so that an actor is one
 * statement (one round trip per signed-in request, not five). Body roles are those of the
 * memberships current on `day` (today in Berlin).
 */
function actorColumns(day: string) {
	// Qualified by hand: drizzle leaves out table names in a one-table query, and an unqualified
	// "id" inside a subquery would name the subquery's own column.
	const agg = (table: string, a: string, b: string, where: SQL | null = null) =>
		sql`(SELECT coalesce(json_agg(json_build_array(${sql.raw(`"${table}"."${a}", "${table}"."${b}"`)})), '[]'::json) FROM ${sql.raw(`"${table}" WHERE "${table}"."user_id" = "users"."id"`)}${where ? sql` AND ${where}` : sql``})`;
	return {
		user: users,
		roleRows: agg(getTableName(tenantMembers), 'tenant_id', 'role') as SQL<[string, Role][]>,
		orgRows: agg(getTableName(editorOrganizations), 'tenant_id', 'organization_id') as SQL<
			[string, string][]
		>,
		bodyRows: agg(
			getTableName(bodyMemberships),
			'body_id',
			'role',
			isCurrentMembership(day)
		) as SQL<[string, MembershipRole][]>
	};
}

/** JSON from the database: postgres.js parses it, PGlite may hand over the text. */
const json = <T>(value: T | string): T =>
	typeof value === 'string' ? (JSON.parse(value) as T) : value;

function toActor(row: {
	user: typeof users.$inferSelect;
	roleRows: [string, Role][] | string;
	orgRows: [string, string][] | string;
	bodyRows: [string, MembershipRole][] | string;
}): Actor | null {
	const { user } = row;
	if (user.disabledAt) return null;
	const editorOf: Record<string, string[]> = {};
	for (const [tenantId, organizationId] of json(row.orgRows))
		(editorOf[tenantId] ??= []).push(organizationId);
	return {
		userId: user.id,
		email: user.email,
		name: user.name,
		isPlatformAdmin: user.isPlatformAdmin,
		roles: Object.fromEntries(json(row.roleRows)),
		editorOf,
		bodyRoles: Object.fromEntries(json(row.bodyRows))
	};
}

/**
 * Loads the actor (user with roles) for a user id; null for a disabled or unknown user. Body
 * roles are those of the memberships current on `day` (today in Berlin).
 */
export async function loadActor(
	db: Db,
	userId: string,
	day: string = berlinToday()
): Promise<Actor | null> {
	const [row] = await db.select(actorColumns(day)).from(users).where(eq(users.id, userId));
	return row ? toActor(row) : null;
}

export interface ValidatedSession {
	actor: Actor;
	locale: string | null;
	expiresAt: Date;
	/** true when the expiry was pushed out and the cookie should be renewed */
	renewed: boolean;
}

/**
 * The session of a cookie's token with its actor, in one statement; null when unknown or over.
 * The row is kept until the next change through the app (cache/until-change.ts): signing out,
 * a changed role or a disabled account are changes and start it over in every process; the
 * expiry is checked on every request.
 */
export async function validateSession(db: Db, token: string): Promise<ValidatedSession | null> {
	const id = hashToken(token);
	const day = berlinToday();
	const key = `session\n${id}\n${day}`;
	const row = await untilChange(key, async () => {
		const [found] = await db
			.select({ expiresAt: sessions.expiresAt, ...actorColumns(day) })
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.where(eq(sessions.id, id));
		return found ?? null;
	});
	if (!row) return null;
	const now = Date.now();
	if (row.expiresAt.getTime() <= now) {
		forgetKept(key);
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	const actor = toActor(row);
	if (!actor) return null;
	let expiresAt = row.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - now < (SESSION_DAYS / 2) * DAY) {
		expiresAt = new Date(now + SESSION_DAYS * DAY);
		forgetKept(key);
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
		renewed = true;
	}
	return { actor, locale: row.user.locale, expiresAt, renewed };
}

export async function invalidateSession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** "Sign out everywhere": ends every session of the user. */
export async function invalidateAllSessions(db: Db, userId: string): Promise<number> {
	const deleted = await db
		.delete(sessions)
		.where(eq(sessions.userId, userId))
		.returning({ id: sessions.id });
	return deleted.length;
}

export async function countActiveSessions(db: Db, userId: string): Promise<number> {
	const rows = await db
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
	return rows.length;
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
