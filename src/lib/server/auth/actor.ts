import type { MembershipRole } from '../bodies/schema';
import type { Role } from './schema';

/** Who is acting: the signed-in user with their roles, as resolved once per request. */
export interface Actor {
	userId: string;
	email: string;
	name: string;
	isPlatformAdmin: boolean;
	/** role per tenant id */
	roles: Record<string, Role>;
	/** organisations the user may edit, per tenant id */
	editorOf: Record<string, string[]>;
	/** current role per body id (memberships that have not ended) */
	bodyRoles: Record<string, MembershipRole>;
}

/**
 * What an actor may see in one tenant, as a string: part of the key of values kept per actor
 * until the next change (cache/until-change.ts), so that a changed role never meets a value
 * computed for the old one (roles change through the app, which also starts the cache over).
 */
export function actorScopeKey(actor: Actor, tenantId: string): string {
	return JSON.stringify([
		actor.userId,
		actor.isPlatformAdmin,
		actor.roles[tenantId] ?? null,
		actor.editorOf[tenantId] ?? [],
		Object.entries(actor.bodyRoles ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	]);
}
