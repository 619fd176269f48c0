/**
 * The public page of an organisation (`/<tenant>/organisationen/<id>`): description, address,
 * contact (the organisation's own and the persons who consented), languages spoken,
 * accessibility and its public offers. Public data only; hidden organisations are not found.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { requireUuid } from '../shared';
import { organizations, organizationTenants, organizationTypes } from './schema';
import { publicContacts, type PublicContactView } from './contacts';
import { offers, offerTexts } from '../offers/schema';
import { finderScope, publicOfferCondition, safeHttpUrl } from '../offers/public';

export interface PublicOrganizationPage {
	id: string;
	name: string;
	type: string | null;
	description: string | null;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	languages: string[];
	wheelchairAccessible: boolean | null;
	accessibilityNote: string | null;
	contacts: PublicContactView[];
	offers: { id: string; title: string }[];
}

export async function getPublicOrganization(
	ctx: TenantCtx,
	input: { id: string }
): Promise<PublicOrganizationPage> {
	const id = requireUuid(input.id);
	const tenantId = ctx.tenant.id;
	const [row] = await ctx.db
		.selectDistinct({ org: organizations, type: organizationTypes.name })
		.from(organizations)
		.leftJoin(organizationTypes, eq(organizationTypes.id, organizations.typeId))
		.leftJoin(organizationTenants, eq(organizationTenants.organizationId, organizations.id))
		.where(
			and(
				eq(organizations.id, id),
				eq(organizations.isPublic, true),
				or(eq(organizations.tenantId, tenantId), eq(organizationTenants.tenantId, tenantId))
			)
		);
	if (!row) throw new NotFoundError();
	const o = row.org;
	const scope = await finderScope(ctx);
	const [contactRows, offerRows] = await Promise.all([
		publicContacts(ctx.db, o.tenantId, [o.id]),
		ctx.db
			.select({ id: offers.id, title: offerTexts.title })
			.from(offers)
			.innerJoin(organizations, eq(organizations.id, offers.organizationId))
			.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
			.where(and(eq(offers.organizationId, o.id), publicOfferCondition(scope)))
			.orderBy(asc(offerTexts.title))
			.limit(100)
	]);
	return {
		id: o.id,
		name: o.name,
		type: row.type,
		description: o.description,
		street: o.street,
		postalCode: o.postalCode,
		city: o.city,
		phone: o.phone,
		email: o.email,
		website: safeHttpUrl(o.website),
		languages: o.languages,
		wheelchairAccessible: o.wheelchairAccessible,
		accessibilityNote: o.accessibilityNote,
		contacts: contactRows,
		offers: offerRows
	};
}
