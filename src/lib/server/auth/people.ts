import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { invitations, tenantMembers, users, type Role } from './schema';
import { authorize } from './policy';
import { organizationChoices } from '../organizations/lists';

export interface PersonView {
	userId: string;
	name: string;
	email: string;
	role: Role;
	since: Date;
}

export interface InvitationListItem {
	id: string;
	name: string;
	email: string;
	role: Role;
	expiresAt: Date;
	createdAt: Date;
	expired: boolean;
}

/** The people of a tenant with their roles (coordinators only). */
export async function listPeople(ctx: TenantCtx): Promise<PersonView[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.people.view', { tenantId });
	return ctx.db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			role: tenantMembers.role,
			since: tenantMembers.createdAt
		})
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(eq(tenantMembers.tenantId, tenantId))
		.orderBy(asc(users.name));
}

/** Invitations not yet accepted or revoked (expired ones are listed as such). */
export async function listOpenInvitations(ctx: TenantCtx): Promise<InvitationListItem[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.people.view', { tenantId });
	const rows = await ctx.db
		.select()
		.from(invitations)
		.where(
			and(
				eq(invitations.tenantId, tenantId),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, new Date(Date.now() - 30 * 24 * 60 * 60 * 1000))
			)
		)
		.orderBy(desc(invitations.createdAt))
		.limit(200);
	const now = Date.now();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		role: r.role,
		expiresAt: r.expiresAt,
		createdAt: r.createdAt,
		expired: r.expiresAt.getTime() <= now
	}));
}

/** The people page: people, open invitations and the organisations an editor can be given. */
export async function peoplePage(ctx: TenantCtx) {
	authorize(ctx.actor, 'tenant.people.view', { tenantId: ctx.tenant.id });
	const [people, invitations, organizations] = await Promise.all([
		listPeople(ctx),
		listOpenInvitations(ctx),
		organizationChoices(ctx)
	]);
	return { people, invitations, organizations };
}
