/** CSV export of a tenant's organisations and offers (columns: columns.ts). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { tenants } from '../tenants/schema';
import { organizations, organizationTenants, organizationTypes } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { offerPlaces, offers, offerTexts } from '../offers/schema';
import { joinList, toCsv } from './csv';
import { OFFER_COLUMNS, ORGANIZATION_COLUMNS, TRANSLATION_LOCALES } from './columns';
import { formatBerlinDateTime } from './time';

const yesNo = (v: boolean | null | undefined) =>
	v === null || v === undefined ? '' : v ? 'ja' : 'nein';
const decimal = (v: number | null) => (v === null ? '' : String(v));

async function childSlugs(ctx: TenantCtx, tenantId: string): Promise<Map<string, string>> {
	const rows = await ctx.db
		.select({ id: tenants.id, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.parentId, tenantId));
	return new Map(rows.map((r) => [r.id, r.slug]));
}

/** The organisations the tenant keeps, as CSV. */
export async function exportOrganizationsCsv(ctx: TenantCtx): Promise<string> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'data.transfer', { tenantId });
	const rows = await ctx.db
		.select({ org: organizations, typeKey: organizationTypes.key })
		.from(organizations)
		.leftJoin(organizationTypes, eq(organizationTypes.id, organizations.typeId))
		.where(eq(organizations.tenantId, tenantId))
		.orderBy(asc(organizations.name), asc(organizations.id));
	const slugs = await childSlugs(ctx, tenantId);
	const served = new Map<string, string[]>();
	if (slugs.size > 0 && rows.length > 0) {
		const links = await ctx.db
			.select({ org: organizationTenants.organizationId, tenant: organizationTenants.tenantId })
			.from(organizationTenants)
			.innerJoin(organizations, eq(organizations.id, organizationTenants.organizationId))
			.where(
				and(
					eq(organizations.tenantId, tenantId),
					inArray(organizationTenants.tenantId, [...slugs.keys()])
				)
			);
		for (const l of links) served.set(l.org, [...(served.get(l.org) ?? []), slugs.get(l.tenant)!]);
	}
	return toCsv(
		ORGANIZATION_COLUMNS.map((c) => c.name),
		rows.map(({ org, typeKey }) => [
			org.name,
			typeKey,
			org.description,
			org.street,
			org.postalCode,
			org.city,
			decimal(org.latitude),
			decimal(org.longitude),
			org.website,
			org.phone,
			org.email,
			joinList(org.languages),
			yesNo(org.wheelchairAccessible),
			org.accessibilityNote,
			joinList((served.get(org.id) ?? []).sort())
		])
	);
}

/** The tenant's offers (every status), as CSV with the texts of every language. */
export async function exportOffersCsv(ctx: TenantCtx): Promise<string> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'data.transfer', { tenantId });
	const rows = await ctx.db
		.select({
			offer: offers,
			organizationName: organizations.name,
			fieldKey: fieldsOfAction.key
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, offers.fieldOfActionId))
		.where(eq(offers.tenantId, tenantId))
		.orderBy(asc(organizations.name), asc(offerTexts.title), asc(offers.id));
	const ids = rows.map((r) => r.offer.id);
	const texts = new Map<string, Map<string, typeof offerTexts.$inferSelect>>();
	const places = new Map<string, typeof offerPlaces.$inferSelect>();
	const slugs = await childSlugs(ctx, tenantId);
	// In chunks, so that the number of bound parameters stays small.
	for (let i = 0; i < ids.length; i += 1000) {
		const chunk = ids.slice(i, i + 1000);
		for (const t of await ctx.db
			.select()
			.from(offerTexts)
			.where(inArray(offerTexts.offerId, chunk))) {
			if (!texts.has(t.offerId)) texts.set(t.offerId, new Map());
			texts.get(t.offerId)!.set(t.locale, t);
		}
		for (const p of await ctx.db
			.select()
			.from(offerPlaces)
			.where(inArray(offerPlaces.offerId, chunk))
			.orderBy(asc(offerPlaces.name), asc(offerPlaces.id))) {
			if (!places.has(p.offerId)) places.set(p.offerId, p);
		}
	}
	return toCsv(
		OFFER_COLUMNS.map((c) => c.name),
		rows.map(({ offer, organizationName, fieldKey }) => {
			const byLocale = texts.get(offer.id) ?? new Map();
			const de = byLocale.get('de');
			const place = places.get(offer.id);
			return [
				organizationName,
				de?.title,
				de?.description,
				fieldKey,
				joinList(offer.targetGroups),
				joinList(offer.languages),
				joinList(
					offer.municipalityIds
						.map((id) => slugs.get(id))
						.filter((s): s is string => !!s)
						.sort()
				),
				offer.locationKind,
				offer.onlineUrl,
				offer.scheduleKind,
				formatBerlinDateTime(offer.startsAt),
				formatBerlinDateTime(offer.endsAt),
				offer.rrule,
				joinList(offer.weekdays),
				de?.scheduleNote,
				offer.costKind,
				de?.costNote,
				yesNo(offer.registrationRequired),
				de?.registrationNote,
				yesNo(offer.childcare),
				yesNo(offer.accessible),
				de?.accessibilityNote,
				offer.validFrom,
				offer.validTo,
				place?.name,
				place?.street,
				place?.postalCode,
				place?.city,
				offer.status,
				...TRANSLATION_LOCALES.flatMap((l) => {
					const t = byLocale.get(l);
					return [t?.title, t?.description];
				})
			];
		})
	);
}
