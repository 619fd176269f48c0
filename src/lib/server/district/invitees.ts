/**
 * Who the networking meeting's invitation reaches in each municipality (issue 17, item 3): the
 * coordinators of the district's municipalities (who record the municipality's answers), each
 * municipality's mayor and the contact persons it marked for the networking meetings (the
 * tenant-contacts domain keeps those flags). The invitations domain invites the current members
 * of the body and asks `networkingMeetingInvitees` for these further addresses when the meeting
 * is one of a networking body; each address once.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { tenantMembers, users } from '../auth/schema';
import { bodies } from '../bodies/schema';
import { networkingContactsOf } from '../tenant-contacts/contacts';
import { EXCHANGE_BODY_KIND } from './kind';

/** Why the person is invited: the municipality's coordinator, its mayor, or a contact person. */
export type InviteeRole = 'coordinator' | 'mayor' | 'contact';

export interface MunicipalityInvitee {
	municipality: { id: string; name: string; slug: string };
	role: InviteeRole;
	name: string;
	email: string;
	/** the language of the mail: the account's, or from the languages a contact person speaks */
	locale: string | null;
	/**
	 * the path where the municipality records its answers for the exchange, for those who can
	 * sign in there (its coordinators); null for the others
	 */
	exchangePath: string | null;
}

/** The page where a municipality records its answers (routes/(app)/app/[tenant]/vernetzung). */
export function exchangePath(municipalitySlug: string): string {
	return `/app/${municipalitySlug}/vernetzung`;
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
			slug: tenants.slug,
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
		municipality: { id: r.municipalityId, name: r.municipality, slug: r.slug },
		role: 'coordinator',
		name: r.name,
		email: r.email,
		locale: r.locale,
		exchangePath: exchangePath(r.slug)
	}));
}

/** German unless the person speaks English and no German (the mails are German or English). */
function contactLocale(languages: string[]): string {
	return languages.length > 0 && !languages.includes('de') && languages.includes('en')
		? 'en'
		: 'de';
}

/**
 * Everyone the district's networking meetings are sent to from the municipalities: per
 * municipality (by name) its coordinators, its mayor and its marked contact persons, each
 * address once over the whole district (the first role counts: coordinator before mayor before
 * contact person).
 */
export async function networkingInvitees(
	db: Executor,
	districtId: string
): Promise<MunicipalityInvitee[]> {
	const municipalities = await db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.parentId, districtId))
		.orderBy(asc(tenants.name));
	if (municipalities.length === 0) return [];
	const coordinators = await municipalityInvitees(db, districtId);
	const contacts = await networkingContactsOf(
		db,
		municipalities.map((m) => m.id)
	);
	const seen = new Set<string>();
	const out: MunicipalityInvitee[] = [];
	const add = (invitee: MunicipalityInvitee) => {
		const key = invitee.email.trim().toLowerCase();
		if (seen.has(key)) return;
		seen.add(key);
		out.push({ ...invitee, email: invitee.email.trim() });
	};
	for (const municipality of municipalities) {
		for (const c of coordinators) if (c.municipality.id === municipality.id) add(c);
		for (const c of contacts) {
			if (c.tenantId !== municipality.id) continue;
			add({
				municipality,
				role: c.isMayor ? 'mayor' : 'contact',
				name: c.name,
				email: c.email,
				locale: contactLocale(c.languages),
				exchangePath: null
			});
		}
	}
	return out;
}

/**
 * The municipalities' invitees of a meeting of the given body; null unless the body is the
 * district's networking body (kind `municipal_network`). For the invitations domain.
 */
export async function networkingMeetingInvitees(
	db: Executor,
	tenantId: string,
	bodyId: string
): Promise<MunicipalityInvitee[] | null> {
	const [body] = await db
		.select({ kind: bodies.kind })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
	if (body?.kind !== EXCHANGE_BODY_KIND) return null;
	return networkingInvitees(db, tenantId);
}
