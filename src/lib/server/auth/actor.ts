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
