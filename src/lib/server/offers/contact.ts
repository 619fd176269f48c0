/**
 * How to get in touch about an offer. Every offer has a way, in this order:
 * 1. `offer`: the offer's own contact person, shown only with consent, with a phone or e-mail;
 * 2. `organization`: its organisation's public phone or e-mail (organisation data, not a person),
 *    else one of the organisation's contact persons with consent and a phone or e-mail;
 * 3. `integration`: a consented contact person for integration of the tenant that keeps the offer
 *    (the district office, the town hall: tenant-contacts/), with a phone or e-mail;
 * 4. `coordination`: the coordination office of the tenant that keeps the offer (its public
 *    contact e-mail where set, and always its public message form).
 * The public pages say which level it is; the coordinators' list shows the offers that fall back.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { organizations } from '../organizations/schema';
import { publicContacts, publicContactsByIds } from '../organizations/contacts';
import { publicTenantContacts } from '../tenant-contacts/contacts';
import { tenants } from '../tenants/schema';
import { offers } from './schema';
import { titleSql } from './queries';
import { publicOfferCondition, type FinderScope } from './public';
import type { OfferStatus } from './vocabulary';

export const CONTACT_SOURCES = ['offer', 'organization', 'integration', 'coordination'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export interface ContactAddress {
	street: string | null;
	postalCode: string | null;
	city: string | null;
}

/** The way to get in touch about one offer. */
export interface OfferContactView {
	source: ContactSource;
	/** who is contacted: the organisation's name, or the coordinating tenant's */
	via: string;
	/** a consented contact person (offer, organisation or integration level) */
	person: { name: string; role: string | null } | null;
	phone: string | null;
	email: string | null;
	/** the organisation's address (offer and organisation level), when it has one */
	address: ContactAddress | null;
	/** integration and coordination level: the slug of the tenant whose message form to use */
	tenantSlug: string | null;
}

/** What the resolution needs of an offer (one row per offer). */
interface ContactRow {
	id: string;
	tenantId: string;
	organizationId: string;
	contactId: string | null;
	organizationTenantId: string;
	organizationName: string;
	phone: string | null;
	email: string | null;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	tenantName: string;
	tenantSlug: string;
	tenantEmail: string | null;
}

const contactColumns = {
	id: offers.id,
	tenantId: offers.tenantId,
	organizationId: offers.organizationId,
	contactId: offers.contactId,
	organizationTenantId: organizations.tenantId,
	organizationName: organizations.name,
	phone: organizations.phone,
	email: organizations.email,
	street: organizations.street,
	postalCode: organizations.postalCode,
	city: organizations.city,
	tenantName: tenants.name,
	tenantSlug: tenants.slug,
	tenantSettings: tenants.settings
};

const filled = (value: string | null | undefined): string | null =>
	value && value.trim() !== '' ? value.trim() : null;

const reachable = (c: { phone: string | null; email: string | null }) =>
	filled(c.phone) !== null || filled(c.email) !== null;

function addressOf(r: ContactRow): ContactAddress | null {
	const address = {
		street: filled(r.street),
		postalCode: filled(r.postalCode),
		city: filled(r.city)
	};
	return address.street || address.city ? address : null;
}

type Person = { name: string; role: string | null; phone: string | null; email: string | null };

/** Contact at the organisation: through a person (their phone and e-mail) or its own. */
function atOrganization(
	source: 'offer' | 'organization',
	r: ContactRow,
	person: Person | null
): OfferContactView {
	const channels = person ?? r;
	return {
		source,
		via: r.organizationName,
		person: person ? { name: person.name, role: filled(person.role) } : null,
		phone: filled(channels.phone),
		email: filled(channels.email),
		address: addressOf(r),
		tenantSlug: null
	};
}

/** Resolves the four levels for loaded rows, with three batched contact queries. */
async function resolve(db: Executor, rows: ContactRow[]): Promise<Map<string, OfferContactView>> {
	const tenantIds = [...new Set(rows.flatMap((r) => [r.tenantId, r.organizationTenantId]))];
	const [own, ofOrganizations, ofTenants] = await Promise.all([
		publicContactsByIds(
			db,
			tenantIds,
			rows.map((r) => r.contactId).filter((id): id is string => id !== null)
		),
		publicContacts(db, tenantIds, [...new Set(rows.map((r) => r.organizationId))]),
		publicTenantContacts(db, [...new Set(rows.map((r) => r.tenantId))])
	]);
	const out = new Map<string, OfferContactView>();
	for (const r of rows) {
		const person = own.find((c) => c.id === r.contactId && c.organizationId === r.organizationId);
		const colleague = ofOrganizations.find(
			(c) => c.organizationId === r.organizationId && reachable(c)
		);
		const officer = ofTenants.find((c) => c.tenantId === r.tenantId && reachable(c));
		out.set(
			r.id,
			person && reachable(person)
				? atOrganization('offer', r, person)
				: reachable(r)
					? atOrganization('organization', r, null)
					: colleague
						? atOrganization('organization', r, colleague)
						: officer
							? {
									source: 'integration',
									via: r.tenantName,
									person: { name: officer.name, role: filled(officer.role) },
									phone: filled(officer.phone),
									email: filled(officer.email),
									address: null,
									tenantSlug: r.tenantSlug
								}
							: {
									source: 'coordination',
									via: r.tenantName,
									person: null,
									phone: null,
									email: filled(r.tenantEmail),
									address: null,
									tenantSlug: r.tenantSlug
								}
		);
	}
	return out;
}

type SelectedRow = Omit<ContactRow, 'tenantEmail'> & {
	tenantSettings: { publicContactEmail?: string };
};

const toRow = ({ tenantSettings, ...r }: SelectedRow): ContactRow => ({
	...r,
	tenantEmail: tenantSettings.publicContactEmail ?? null
});

/**
 * The ways to get in touch about public offers of a scope, by offer id. Ids outside the scope or
 * not public are left out. Public data only: no actor needed.
 */
export async function publicOfferContacts(
	db: Executor,
	scope: FinderScope,
	offerIds: string[]
): Promise<Map<string, OfferContactView>> {
	if (offerIds.length === 0) return new Map();
	const rows = await db
		.select(contactColumns)
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.innerJoin(tenants, eq(tenants.id, offers.tenantId))
		.where(and(inArray(offers.id, offerIds), publicOfferCondition(scope)));
	return resolve(db, rows.map(toRow));
}

export interface FallbackOfferItem {
	id: string;
	title: string;
	organizationName: string;
	status: OfferStatus;
	source: Exclude<ContactSource, 'offer'>;
}

/**
 * The tenant's offers (archived ones left out) whose contact falls back to the organisation or
 * the coordination office, coordination first, then by title: the coordinators' list to work
 * through. Whoever may review offers may see it.
 */
export async function listContactFallbacks(ctx: TenantCtx): Promise<FallbackOfferItem[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'offer.review', { tenantId });
	const rows = await ctx.db
		.select({ ...contactColumns, title: titleSql(ctx.locale), status: offers.status })
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.innerJoin(tenants, eq(tenants.id, offers.tenantId))
		.where(and(eq(offers.tenantId, tenantId), ne(offers.status, 'archived')))
		.orderBy(asc(offers.id));
	const contacts = await resolve(ctx.db, rows.map(toRow));
	const rank = (s: ContactSource) => (s === 'coordination' ? 0 : 1);
	return rows
		.flatMap((r) => {
			const source = contacts.get(r.id)?.source;
			return source && source !== 'offer'
				? [
						{
							id: r.id,
							title: r.title,
							organizationName: r.organizationName,
							status: r.status,
							source
						}
					]
				: [];
		})
		.sort((a, b) => rank(a.source) - rank(b.source) || a.title.localeCompare(b.title, 'de') || 0);
}
