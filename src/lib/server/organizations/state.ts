/**
 * The whole editable state of an organisation as one JSON-safe value: what an editor proposes
 * in a revision, what an approval writes back, what the review queue compares.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { organizations, organizationTenants, organizationTexts } from './schema';
import { tenants } from '../tenants/schema';
import type { TranslationState } from '../offers/vocabulary';
import { CONTENT_LOCALES } from '../offers/vocabulary';
import { nextTranslationStates } from '../offers/translations';
import type { OrganizationInput } from './validation';
import type { FormValues } from '../shared';

export interface OrganizationTextState {
	locale: string;
	description: string;
	state: TranslationState;
}

export interface OrganizationState {
	typeId: string | null;
	name: string;
	/** German description */
	description: string | null;
	website: string | null;
	phone: string | null;
	email: string | null;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	latitude: number | null;
	longitude: number | null;
	languages: string[];
	wheelchairAccessible: boolean | null;
	accessibilityNote: string | null;
	/** municipalities (child tenants) the organisation serves */
	municipalityIds: string[];
	/** descriptions in further languages */
	texts: OrganizationTextState[];
}

const localeOrder = (l: string) => CONTENT_LOCALES.indexOf(l as (typeof CONTENT_LOCALES)[number]);

export async function loadOrganizationState(
	db: Executor,
	org: typeof organizations.$inferSelect
): Promise<OrganizationState> {
	const [texts, served] = await Promise.all([
		db.select().from(organizationTexts).where(eq(organizationTexts.organizationId, org.id)),
		db
			.select({ tenantId: organizationTenants.tenantId })
			.from(organizationTenants)
			.where(eq(organizationTenants.organizationId, org.id))
	]);
	return {
		typeId: org.typeId,
		name: org.name,
		description: org.description,
		website: org.website,
		phone: org.phone,
		email: org.email,
		street: org.street,
		postalCode: org.postalCode,
		city: org.city,
		latitude: org.latitude,
		longitude: org.longitude,
		languages: [...org.languages],
		wheelchairAccessible: org.wheelchairAccessible,
		accessibilityNote: org.accessibilityNote,
		municipalityIds: served.map((s) => s.tenantId).sort(),
		texts: texts
			.map((t) => ({ locale: t.locale, description: t.description, state: t.state }))
			.sort((a, b) => localeOrder(a.locale) - localeOrder(b.locale))
	};
}

/** The next state from validated input, with translation states relative to `before`. */
export function organizationStateFrom(
	input: OrganizationInput,
	before: OrganizationState | null
): OrganizationState {
	const submitted = Object.entries(input.texts)
		.filter(([, t]) => t && t.description !== null)
		.map(([locale, t]) => ({
			locale,
			content: t!.description as string,
			state: t!.state as TranslationState
		}));
	const prev = before
		? [
				{ locale: 'de', content: before.description ?? '', state: 'original' as const },
				...before.texts.map((t) => ({ locale: t.locale, content: t.description, state: t.state }))
			]
		: [];
	const next = nextTranslationStates(prev, [
		{ locale: 'de', content: input.description ?? '', state: 'original' },
		...submitted
	]);
	return {
		typeId: input.typeId,
		name: input.name,
		description: input.description,
		website: input.website,
		phone: input.phone,
		email: input.email,
		street: input.street,
		postalCode: input.postalCode,
		city: input.city,
		latitude: input.latitude,
		longitude: input.longitude,
		languages: input.languages,
		wheelchairAccessible: input.wheelchairAccessible,
		accessibilityNote: input.accessibilityNote,
		municipalityIds: [...input.municipalityIds].sort(),
		texts: next
			.filter((t) => t.locale !== 'de')
			.map((t) => ({ locale: t.locale, description: t.content, state: t.state }))
			.sort((a, b) => localeOrder(a.locale) - localeOrder(b.locale))
	};
}

/**
 * Writes a state to the live record. Municipalities outside the tenant's children are
 * dropped (a proposal may be older than a change of the district).
 */
export async function applyOrganizationState(
	tx: Executor,
	tenantId: string,
	organizationId: string,
	state: OrganizationState
): Promise<void> {
	await tx
		.update(organizations)
		.set({
			typeId: state.typeId,
			name: state.name,
			description: state.description,
			website: state.website,
			phone: state.phone,
			email: state.email,
			street: state.street,
			postalCode: state.postalCode,
			city: state.city,
			latitude: state.latitude,
			longitude: state.longitude,
			languages: state.languages,
			wheelchairAccessible: state.wheelchairAccessible,
			accessibilityNote: state.accessibilityNote,
			updatedAt: new Date()
		})
		.where(and(eq(organizations.id, organizationId), eq(organizations.tenantId, tenantId)));
	await tx.delete(organizationTexts).where(eq(organizationTexts.organizationId, organizationId));
	if (state.texts.length > 0) {
		await tx.insert(organizationTexts).values(
			state.texts.map((t) => ({
				organizationId,
				locale: t.locale,
				description: t.description,
				state: t.state
			}))
		);
	}
	await tx
		.delete(organizationTenants)
		.where(eq(organizationTenants.organizationId, organizationId));
	const served =
		state.municipalityIds.length === 0
			? []
			: await tx
					.select({ id: tenants.id })
					.from(tenants)
					.where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, state.municipalityIds)));
	if (served.length > 0) {
		await tx
			.insert(organizationTenants)
			.values(served.map((s) => ({ organizationId, tenantId: s.id })));
	}
}

/** Municipalities (child tenants) an organisation or offer of the tenant can serve. */
export async function municipalitiesOf(
	db: Executor,
	tenantId: string
): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: tenants.id, name: tenants.name })
		.from(tenants)
		.where(eq(tenants.parentId, tenantId))
		.orderBy(asc(tenants.name));
}

/** The edit form's field values for a state (the form renders only from these). */
export function organizationFormValues(state: OrganizationState | null): FormValues {
	const v: FormValues = {
		typeId: state?.typeId ?? '',
		name: state?.name ?? '',
		description: state?.description ?? '',
		website: state?.website ?? '',
		phone: state?.phone ?? '',
		email: state?.email ?? '',
		street: state?.street ?? '',
		postalCode: state?.postalCode ?? '',
		city: state?.city ?? '',
		latitude: state?.latitude == null ? '' : String(state.latitude),
		longitude: state?.longitude == null ? '' : String(state.longitude),
		languages: state?.languages ?? ['de'],
		wheelchairAccessible:
			state?.wheelchairAccessible == null ? '' : state.wheelchairAccessible ? 'yes' : 'no',
		accessibilityNote: state?.accessibilityNote ?? '',
		municipalityIds: state?.municipalityIds ?? []
	};
	for (const t of state?.texts ?? []) {
		v[`text_${t.locale}_description`] = t.description;
		v[`text_${t.locale}_state`] = t.state;
	}
	return v;
}
