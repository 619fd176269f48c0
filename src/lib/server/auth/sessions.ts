import { and, eq, gt, lt } from 'drizzle-orm';
import { bodyMemberships } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';
import { berlinToday } from '../shared';
import type { Db, Executor } from '../db/client';
import { editorOrganizations, sessions, tenantMembers, users } from './schema';
import { hashToken, newToken } from './tokens';
import type { Actor } from './actor';

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
 * Loads the actor (user with roles) for a user id; null for a disabled or unknown user. Body
 * roles are those of the memberships current on `day` (today in Berlin).
 */
export async function loadActor(
	db: Db,
	userId: string,
	day: string = berlinToday()
): Promise<Actor | null> {
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	if (!user || user.disabledAt) return null;
	const roleRows = await db
		.select({ tenantId: tenantMembers.tenantId, role: tenantMembers.role })
		.from(tenantMembers)
		.where(eq(tenantMembers.userId, userId));
	const orgRows = await db
		.select({
			tenantId: editorOrganizations.tenantId,
			organizationId: editorOrganizations.organizationId
		})
		.from(editorOrganizations)
		.where(eq(editorOrganizations.userId, userId));
	const bodyRows = await db
		.select({ bodyId: bodyMemberships.bodyId, role: bodyMemberships.role })
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.userId, userId), isCurrentMembership(day)));
	const editorOf: Record<string, string[]> = {};
	for (const r of orgRows) (editorOf[r.tenantId] ??= []).push(r.organizationId);
	return {
		userId: user.id,
		email: user.email,
		name: user.name,
		isPlatformAdmin: user.isPlatformAdmin,
		roles: Object.fromEntries(roleRows.map((r) => [r.tenantId, r.role])),
		editorOf,
		bodyRoles: Object.fromEntries(bodyRows.map((r) => [r.bodyId, r.role]))
	};
}

export interface ValidatedSession {
	actor: Actor;
	locale: string | null;
	expiresAt: Date;
	/** true when the expiry was pushed out and the cookie should be renewed */
	renewed: boolean;
}

export async function validateSession(db: Db, token: string): Promise<ValidatedSession | null> {
	const id = hashToken(token);
	const [row] = await db
		.select({ session: sessions, locale: users.locale })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const now = Date.now();
	if (row.session.expiresAt.getTime() <= now) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	const actor = await loadActor(db, row.session.userId);
	if (!actor) return null;
	let expiresAt = row.session.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - now < (SESSION_DAYS / 2) * DAY) {
		expiresAt = new Date(now + SESSION_DAYS * DAY);
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
		renewed = true;
	}
	return { actor, locale: row.locale, expiresAt, renewed };
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
