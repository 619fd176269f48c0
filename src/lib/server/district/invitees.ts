/**
 * Who the networking meeting's invitation should reach in each municipality (issue 17, item 3):
 * today the coordinators of the district's municipalities, the people who record the
 * municipality's answers. The invitations domain (invitations/) invites the current members of
 * the body; a municipality's coordinator has no role in the district and so cannot be a member
 * yet, and the demo's municipalities take part through their representatives, who are members.
 *
 * TODO(issue 17, contact persons): once the contact persons of each municipality (item 1, built
 * on another branch) are on main, add them and the mayors here, and let the invitations domain
 * send the meeting's invitation to these addresses as well (a hook in
 * invitations/invitations.ts sendInvitations beside the guest speakers' mails).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { tenantMembers, users } from '../auth/schema';

export interface MunicipalityInvitee {
	municipality: { id: string; name: string };
	name: string;
	email: string;
	locale: string | null;
}

/** The coordinators of the district's municipalities (active accounts), by municipality. */
export async function municipalityInvitees(
	db: Executor,
	districtId: string
): Promise<MunicipalityInvitee[]> {
	const rows = await db
		.select({
			municipalityId: tenants.id,
			municipality: tenants.name,
			name: users.name,
			email: users.email,
			locale: users.locale
		})
		.from(tenantMembers)
		.innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(
			and(
				eq(tenants.parentId, districtId),
				eq(tenantMembers.role, 'coordinator'),
				isNull(users.disabledAt)
			)
		)
		.orderBy(asc(tenants.name), asc(users.name));
	return rows.map((r) => ({
		municipality: { id: r.municipalityId, name: r.municipality },
		name: r.name,
		email: r.email,
		locale: r.locale
	}));
}
