/** Texts of the exchange page that depend on the tenant's vocabulary or a column name. */
import { m } from '$lib/paraglide/messages';

interface Vocabulary {
	types: { key: string; name: string }[];
	fields: { key: string; name: string }[];
	municipalities: { key: string; name: string }[];
}

/** Explicit, so that the page ships only these messages. */
const ORGANIZATION_DOCS: Record<string, () => string> = {
	name: m.transfer_col_org_name,
	type: m.transfer_col_org_type,
	description: m.transfer_col_org_description,
	street: m.transfer_col_org_street,
	postal_code: m.transfer_col_org_postal_code,
	city: m.transfer_col_org_city,
	latitude: m.transfer_col_org_latitude,
	longitude: m.transfer_col_org_longitude,
	website: m.transfer_col_org_website,
	phone: m.transfer_col_org_phone,
	email: m.transfer_col_org_email,
	languages: m.transfer_col_org_languages,
	wheelchair_accessible: m.transfer_col_org_wheelchair_accessible,
	accessibility_note: m.transfer_col_org_accessibility_note,
	municipalities: m.transfer_col_org_municipalities
};
const OFFER_DOCS: Record<string, () => string> = {
	organization: m.transfer_col_offer_organization,
	title_de: m.transfer_col_offer_title_de,
	description_de: m.transfer_col_offer_description_de,
	field_of_action: m.transfer_col_offer_field_of_action,
	target_groups: m.transfer_col_offer_target_groups,
	languages: m.transfer_col_offer_languages,
	municipalities: m.transfer_col_offer_municipalities,
	location_kind: m.transfer_col_offer_location_kind,
	online_url: m.transfer_col_offer_online_url,
	schedule_kind: m.transfer_col_offer_schedule_kind,
	starts_at: m.transfer_col_offer_starts_at,
	ends_at: m.transfer_col_offer_ends_at,
	rrule: m.transfer_col_offer_rrule,
	weekdays: m.transfer_col_offer_weekdays,
	schedule_note_de: m.transfer_col_offer_schedule_note_de,
	cost_kind: m.transfer_col_offer_cost_kind,
	cost_note_de: m.transfer_col_offer_cost_note_de,
	registration_required: m.transfer_col_offer_registration_required,
	registration_note_de: m.transfer_col_offer_registration_note_de,
	childcare: m.transfer_col_offer_childcare,
	accessible: m.transfer_col_offer_accessible,
	accessibility_note_de: m.transfer_col_offer_accessibility_note_de,
	valid_from: m.transfer_col_offer_valid_from,
	valid_to: m.transfer_col_offer_valid_to,
	place_name: m.transfer_col_offer_place_name,
	place_street: m.transfer_col_offer_place_street,
	place_postal_code: m.transfer_col_offer_place_postal_code,
	place_city: m.transfer_col_offer_place_city,
	status: m.transfer_col_offer_status
};

const nameOf = (list: { key: string; name: string }[], key: string | null) =>
	key ? (list.find((v) => v.key === key)?.name ?? key) : '–';

export const t = {
	type: (v: Vocabulary, key: string | null) => nameOf(v.types, key),
	field: (v: Vocabulary, key: string | null) => nameOf(v.fields, key),
	municipalities: (v: Vocabulary, keys: string[]) =>
		keys.map((k) => nameOf(v.municipalities, k)).join(', ') || '–',
	/** The documentation of a column. */
	column(kind: string, name: string): string {
		return (kind === 'org' ? ORGANIZATION_DOCS : OFFER_DOCS)[name]?.() ?? '';
	}
};
