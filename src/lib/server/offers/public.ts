/**
 * The public face of offers: which offers a tenant's public site shows (its scope), and the
 * view of one offer for its public page. Everything here is public data only: published and
 * unexpired offers (visibility.ts) of public organisations and public tenants; contact persons
 * only with consent; no internal fields of organisations.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { fieldsOfAction, type LocalizedNames } from '../fields-of-action/schema';
import { organizations, organizationTexts } from '../organizations/schema';
import { publicContactsByIds } from '../organizations/contacts';
import { tenants } from '../tenants/schema';
import { listChildTenants, type PublicTenantView } from '../tenants/service';
import { resolveRequestTenant } from '../tenants/resolve';
import { offerPlaces, offers, offerTexts } from './schema';
import { isPubliclyVisible } from './visibility';
import type { TranslationState } from './vocabulary';
import { offerTranslatable } from './translatable';
import { effectiveState, sourceHash } from '../translations/content';

/** Translations shown to the public. "outdated" ones (German changed since) fall back to German. */
export const PUBLIC_TRANSLATION_STATES: readonly TranslationState[] = [
	'original',
	'draft',
	'machine',
	'reviewed'
];

/** A public municipality of a district. */
export interface ScopeMunicipality {
	id: string;
	slug: string;
	name: string;
}

/**
 * Whose offers a tenant's public site shows:
 * - a district: its own and those of its public municipalities;
 * - a municipality (or city) in a public district: its own, and the district's offers that are
 *   available there (listing it, or listing no municipality, which means the whole district);
 * - any other tenant: its own.
 * So `/{municipality}/angebote` lists exactly what the district's finder lists when filtered by
 * that municipality. Siblings' offers never appear.
 */
export interface FinderScope {
	tenant: PublicTenantView;
	/** the public district this tenant belongs to, or null */
	district: { id: string; slug: string; name: string } | null;
	/** public municipalities when the tenant is a district; otherwise empty */
	municipalities: ScopeMunicipality[];
}

/** The scope of the request's public tenant (the hook resolved it). */
export function finderScope(ctx: TenantCtx): Promise<FinderScope> {
	return scopeOf(ctx.db, ctx.tenant);
}

async function scopeOf(db: Executor, tenant: PublicTenantView): Promise<FinderScope> {
	if (tenant.kind === 'district') {
		const children = await listChildTenants(db, tenant.id);
		return {
			tenant,
			district: null,
			municipalities: children.map((c) => ({ id: c.id, slug: c.slug, name: c.name }))
		};
	}
	let district: FinderScope['district'] = null;
	if (tenant.parentId) {
		const [parent] = await db
			.select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
			.from(tenants)
			.where(
				and(
					eq(tenants.id, tenant.parentId),
					eq(tenants.isPublic, true),
					eq(tenants.kind, 'district')
				)
			);
		district = parent ?? null;
	}
	return { tenant, district, municipalities: [] };
}

/** The finder scope of a municipality's public district (null without one). */
export async function districtScope(db: Executor, scope: FinderScope): Promise<FinderScope | null> {
	if (!scope.district) return null;
	const district = await resolveRequestTenant(db, 'public', scope.district.slug, null);
	return district ? scopeOf(db, district) : null;
}

/** Ids of the tenants whose rows (offers, fields of action) a scope may read. */
export function scopeTenantIds(scope: FinderScope): string[] {
	return [
		scope.tenant.id,
		...scope.municipalities.map((m) => m.id),
		...(scope.district ? [scope.district.id] : [])
	];
}

function uuidList(ids: string[]): SQL {
	return sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);
}

/**
 * "The offer is available in one of these municipalities (of `districtId`)": it belongs to one
 * of them, or it is the district's own and lists one of them or none (the whole district).
 * Columns are passed in, so the condition works on the table and on query results alike.
 */
export function availableInMunicipalities(
	columns: { tenantId: SQL; municipalityIds: SQL },
	districtId: string,
	municipalityIds: string[]
): SQL {
	if (municipalityIds.length === 0) return sql`false`;
	const list = uuidList(municipalityIds);
	return sql`(${columns.tenantId} IN (${list}) OR (${columns.tenantId} = ${districtId}::uuid AND (cardinality(${columns.municipalityIds}) = 0 OR ${columns.municipalityIds} && ARRAY[${list}])))`;
}

/** SQL condition on the `offers` table (no alias): the offer belongs to the scope. */
export function offerInScope(scope: FinderScope): SQL {
	if (scope.tenant.kind === 'district') {
		return sql`${offers.tenantId} IN (${uuidList([scope.tenant.id, ...scope.municipalities.map((m) => m.id)])})`;
	}
	if (scope.district) {
		return availableInMunicipalities(
			{ tenantId: sql`${offers.tenantId}`, municipalityIds: sql`${offers.municipalityIds}` },
			scope.district.id,
			[scope.tenant.id]
		);
	}
	return sql`${offers.tenantId} = ${scope.tenant.id}::uuid`;
}

/** Everything the public may see of an offer: in scope, visible, of a public organisation. */
export function publicOfferCondition(scope: FinderScope): SQL {
	return and(offerInScope(scope), isPubliclyVisible(), eq(organizations.isPublic, true)) as SQL;
}

/** A text and the language it is written in (for the `lang` attribute of German fallbacks). */
export interface LocalText {
	text: string;
	lang: string;
}

export interface PublicPlaceView {
	name: string | null;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	room: string | null;
}

export interface PublicContactView {
	name: string;
	role: string | null;
	phone: string | null;
	email: string | null;
}

export interface PublicOrganizationView {
	name: string;
	description: LocalText | null;
	/** the description is shown in the visitor's language, machine-translated */
	descriptionMachine: boolean;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	phone: string | null;
	email: string | null;
	/** only http(s) addresses */
	website: string | null;
	languages: string[];
	wheelchairAccessible: boolean | null;
	accessibilityNote: string | null;
}

/** One offer as its public page shows it. */
export interface PublicOfferView {
	id: string;
	title: LocalText;
	description: LocalText | null;
	/** true when the visitor's language has no (current) translation and German is shown */
	isFallback: boolean;
	/** the visitor's language is shown and was machine-translated */
	machine: boolean;
	costNote: LocalText | null;
	registrationNote: LocalText | null;
	scheduleNote: LocalText | null;
	accessibilityNote: LocalText | null;
	fieldOfAction: string | null;
	targetGroups: string[];
	languages: string[];
	/** names of the municipalities it is limited to (empty: the whole tenant) */
	municipalities: string[];
	/** name of the tenant that keeps the offer when it is not the page's own (district/municipality) */
	keptBy: string | null;
	locationKind: 'place' | 'mobile' | 'online';
	/** only http(s) addresses */
	onlineUrl: string | null;
	places: PublicPlaceView[];
	scheduleKind: 'once' | 'recurring' | 'appointment';
	startsAt: Date | null;
	endsAt: Date | null;
	rrule: string | null;
	weekdays: number[];
	costFree: boolean;
	registrationRequired: boolean;
	childcare: boolean;
	accessible: boolean;
	/** YYYY-MM-DD */
	validFrom: string | null;
	validTo: string | null;
	lastConfirmedAt: Date | null;
	updatedAt: Date;
	organization: PublicOrganizationView;
	/** the consented contact person; null when there is none (then use the organisation's) */
	contact: PublicContactView | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** http(s) addresses only: anything else (javascript:, data:) must never become a link. */
export function safeHttpUrl(value: string | null | undefined): string | null {
	if (!value) return null;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** A field of action's name in the visitor's language, German when there is none. */
export function localFieldName(names: LocalizedNames | null | undefined, locale: string): string {
	if (!names) return '';
	return names[locale] ?? names.de;
}

function text(value: string | null | undefined, lang: string): LocalText | null {
	return value && value.trim() !== '' ? { text: value, lang } : null;
}

/**
 * The contact person of an offer if public: the offer's contact, of the same organisation, with
 * consent recorded and not withdrawn (organizations/contacts.ts decides what "public" means).
 */
async function publicContact(
	db: Executor,
	contactId: string | null,
	organizationId: string,
	tenantIds: string[]
): Promise<PublicContactView | null> {
	if (!contactId) return null;
	const [row] = (await publicContactsByIds(db, tenantIds, [contactId])).filter(
		(c) => c.organizationId === organizationId
	);
	return row ? { name: row.name, role: row.role, phone: row.phone, email: row.email } : null;
}

/**
 * One offer for its public page, in the visitor's language with German as the fallback.
 * Null for an unknown or malformed id, another scope's offer, or one the public may not see.
 */
export async function getPublicOffer(
	db: Executor,
	scope: FinderScope,
	id: string,
	locale: string
): Promise<PublicOfferView | null> {
	if (!UUID.test(id)) return null;
	const [row] = await db
		.select({
			offer: offers,
			organizationTenantId: organizations.tenantId,
			organization: {
				name: organizations.name,
				description: organizations.description,
				street: organizations.street,
				postalCode: organizations.postalCode,
				city: organizations.city,
				phone: organizations.phone,
				email: organizations.email,
				website: organizations.website,
				languages: organizations.languages,
				wheelchairAccessible: organizations.wheelchairAccessible,
				accessibilityNote: organizations.accessibilityNote
			},
			fieldNames: fieldsOfAction.names,
			keptBy: tenants.name
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.innerJoin(tenants, eq(tenants.id, offers.tenantId))
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, offers.fieldOfActionId))
		.where(and(eq(offers.id, id), publicOfferCondition(scope)));
	if (!row) return null;
	const o = row.offer;
	const locales = locale === 'de' ? ['de'] : ['de', locale];
	const [texts, places, orgTexts, municipalityRows, contact] = await Promise.all([
		db
			.select()
			.from(offerTexts)
			.where(and(eq(offerTexts.offerId, o.id), inArray(offerTexts.locale, locales))),
		db
			.select({
				name: offerPlaces.name,
				street: offerPlaces.street,
				postalCode: offerPlaces.postalCode,
				city: offerPlaces.city,
				room: offerPlaces.room
			})
			.from(offerPlaces)
			.where(eq(offerPlaces.offerId, o.id))
			.orderBy(asc(offerPlaces.city), asc(offerPlaces.name), asc(offerPlaces.id)),
		locale === 'de'
			? Promise.resolve([])
			: db
					.select({
						description: organizationTexts.description,
						state: organizationTexts.state,
						sourceHash: organizationTexts.sourceHash
					})
					.from(organizationTexts)
					.where(
						and(
							eq(organizationTexts.organizationId, o.organizationId),
							eq(organizationTexts.locale, locale)
						)
					),
		o.municipalityIds.length === 0
			? Promise.resolve([])
			: db
					.select({ name: tenants.name })
					.from(tenants)
					.where(and(inArray(tenants.id, o.municipalityIds), eq(tenants.isPublic, true)))
					.orderBy(asc(tenants.name)),
		publicContact(db, o.contactId, o.organizationId, [o.tenantId, row.organizationTenantId])
	]);
	const german = texts.find((t) => t.locale === 'de');
	if (!german) return null;
	const germanHash = sourceHash(german, offerTranslatable.fields);
	const translated =
		locale === 'de'
			? undefined
			: texts.find(
					(t) =>
						t.locale === locale &&
						PUBLIC_TRANSLATION_STATES.includes(t.state) &&
						effectiveState(t, germanHash) !== 'outdated'
				);
	const main = translated ?? german;
	/** a note in the chosen language, else the German one (marked as German) */
	const note = (
		key: 'costNote' | 'registrationNote' | 'scheduleNote' | 'accessibilityNote'
	): LocalText | null => text(main[key], main.locale) ?? text(german[key], 'de');
	const org = row.organization;
	const orgHash = sourceHash({ description: org.description }, ['description']);
	const orgTranslation = orgTexts.find(
		(t) => PUBLIC_TRANSLATION_STATES.includes(t.state) && effectiveState(t, orgHash) !== 'outdated'
	);
	return {
		id: o.id,
		title: { text: main.title, lang: main.locale },
		description: text(main.description, main.locale) ?? text(german.description, 'de'),
		isFallback: locale !== 'de' && !translated,
		machine: translated?.state === 'machine',
		costNote: note('costNote'),
		registrationNote: note('registrationNote'),
		scheduleNote: note('scheduleNote'),
		accessibilityNote: note('accessibilityNote'),
		fieldOfAction: row.fieldNames ? localFieldName(row.fieldNames, locale) : null,
		targetGroups: o.targetGroups,
		languages: o.languages,
		municipalities: municipalityRows.map((r) => r.name),
		keptBy: o.tenantId === scope.tenant.id ? null : row.keptBy,
		locationKind: o.locationKind,
		onlineUrl: safeHttpUrl(o.onlineUrl),
		places,
		scheduleKind: o.scheduleKind,
		startsAt: o.startsAt,
		endsAt: o.endsAt,
		rrule: o.rrule,
		weekdays: [...o.weekdays].sort((a, b) => a - b),
		costFree: o.costKind === 'free',
		registrationRequired: o.registrationRequired,
		childcare: o.childcare,
		accessible: o.accessible,
		validFrom: o.validFrom,
		validTo: o.validTo,
		lastConfirmedAt: o.lastConfirmedAt,
		updatedAt: o.updatedAt,
		organization: {
			name: org.name,
			description: text(orgTranslation?.description, locale) ?? text(org.description, 'de') ?? null,
			descriptionMachine: !!orgTranslation && orgTranslation.state === 'machine',
			street: org.street,
			postalCode: org.postalCode,
			city: org.city,
			phone: org.phone,
			email: org.email,
			website: safeHttpUrl(org.website),
			languages: org.languages,
			wheelchairAccessible: org.wheelchairAccessible,
			accessibilityNote: org.accessibilityNote
		},
		contact
	};
}
