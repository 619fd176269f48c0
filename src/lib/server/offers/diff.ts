/**
 * Readable differences between two states of an offer or organisation, field by field and
 * per language, for the review queue. Ids are resolved to names by the caller's lookups.
 */
import type { OfferPlaceState, OfferState } from './state';
import type { OrganizationState } from '../organizations/state';
import { OFFER_TEXT_FIELDS } from './validation';
import { sameValue } from '../shared';

export type DiffKind =
	| 'text'
	| 'longtext'
	| 'bool'
	| 'enum'
	| 'targetGroups'
	| 'languages'
	| 'list'
	| 'weekdays'
	| 'date'
	| 'datetime';

export type DiffValue = string | string[] | number[] | boolean | null;

export interface DiffEntry {
	/** field key; the page turns it into a label */
	field: string;
	/** for texts per language */
	locale: string | null;
	kind: DiffKind;
	before: DiffValue;
	after: DiffValue;
}

export interface Lookups {
	fieldOfAction?: Record<string, string>;
	contact?: Record<string, string>;
	municipality?: Record<string, string>;
	type?: Record<string, string>;
}

const name = (map: Record<string, string> | undefined, id: string | null) =>
	id === null ? null : (map?.[id] ?? id);

function push(
	out: DiffEntry[],
	field: string,
	kind: DiffKind,
	before: DiffValue,
	after: DiffValue,
	locale: string | null = null
) {
	const empty = (v: DiffValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
	if (sameValue(before, after) || (empty(before) && empty(after))) return;
	out.push({ field, locale, kind, before, after });
}

/** The municipalities an offer or organisation is for, by name. */
function pushMunicipalities(
	out: DiffEntry[],
	l: Lookups,
	before: { municipalityIds: string[] },
	after: { municipalityIds: string[] }
) {
	const names = (s: { municipalityIds: string[] }) =>
		s.municipalityIds.map((id) => name(l.municipality, id)!);
	push(out, 'municipalities', 'list', names(before), names(after));
}

export function formatPlace(p: OfferPlaceState): string {
	const address = [p.street, [p.postalCode, p.city].filter(Boolean).join(' ')]
		.filter(Boolean)
		.join(', ');
	const coords =
		p.latitude !== null && p.longitude !== null ? `(${p.latitude}, ${p.longitude})` : '';
	return [p.name, address, p.room, coords].filter(Boolean).join(' · ');
}

export function diffOfferStates(
	before: OfferState,
	after: OfferState,
	l: Lookups = {}
): DiffEntry[] {
	const out: DiffEntry[] = [];
	push(
		out,
		'fieldOfAction',
		'text',
		name(l.fieldOfAction, before.fieldOfActionId),
		name(l.fieldOfAction, after.fieldOfActionId)
	);
	push(out, 'targetGroups', 'targetGroups', before.targetGroups, after.targetGroups);
	push(out, 'languages', 'languages', before.languages, after.languages);
	pushMunicipalities(out, l, before, after);
	push(out, 'locationKind', 'enum', before.locationKind, after.locationKind);
	push(out, 'onlineUrl', 'text', before.onlineUrl, after.onlineUrl);
	push(out, 'places', 'list', before.places.map(formatPlace), after.places.map(formatPlace));
	push(out, 'scheduleKind', 'enum', before.scheduleKind, after.scheduleKind);
	push(out, 'startsAt', 'datetime', before.startsAt, after.startsAt);
	push(out, 'endsAt', 'datetime', before.endsAt, after.endsAt);
	push(out, 'weekdays', 'weekdays', before.weekdays, after.weekdays);
	push(out, 'costKind', 'enum', before.costKind, after.costKind);
	push(
		out,
		'registrationRequired',
		'bool',
		before.registrationRequired,
		after.registrationRequired
	);
	push(out, 'childcare', 'bool', before.childcare, after.childcare);
	push(out, 'accessible', 'bool', before.accessible, after.accessible);
	push(out, 'validFrom', 'date', before.validFrom, after.validFrom);
	push(out, 'validTo', 'date', before.validTo, after.validTo);
	push(out, 'contact', 'text', name(l.contact, before.contactId), name(l.contact, after.contactId));
	const locales = [...new Set([...before.texts, ...after.texts].map((t) => t.locale))];
	for (const locale of locales) {
		const b = before.texts.find((t) => t.locale === locale);
		const a = after.texts.find((t) => t.locale === locale);
		for (const f of OFFER_TEXT_FIELDS) {
			push(
				out,
				f,
				f === 'description' ? 'longtext' : 'text',
				b?.[f] ?? null,
				a?.[f] ?? null,
				locale
			);
		}
		if (locale !== 'de')
			push(out, 'translationState', 'enum', b?.state ?? null, a?.state ?? null, locale);
	}
	return out;
}

export function diffOrganizationStates(
	before: OrganizationState,
	after: OrganizationState,
	l: Lookups = {}
): DiffEntry[] {
	const out: DiffEntry[] = [];
	push(out, 'type', 'text', name(l.type, before.typeId), name(l.type, after.typeId));
	push(out, 'name', 'text', before.name, after.name);
	push(out, 'description', 'longtext', before.description, after.description, 'de');
	for (const f of ['website', 'phone', 'email', 'street', 'postalCode', 'city'] as const) {
		push(out, f, 'text', before[f], after[f]);
	}
	const coords = (s: OrganizationState) =>
		s.latitude === null || s.longitude === null ? null : `${s.latitude}, ${s.longitude}`;
	push(out, 'coordinates', 'text', coords(before), coords(after));
	push(out, 'languages', 'languages', before.languages, after.languages);
	push(
		out,
		'wheelchairAccessible',
		'bool',
		before.wheelchairAccessible,
		after.wheelchairAccessible
	);
	push(out, 'accessibilityNote', 'text', before.accessibilityNote, after.accessibilityNote);
	pushMunicipalities(out, l, before, after);
	const locales = [...new Set([...before.texts, ...after.texts].map((t) => t.locale))];
	for (const locale of locales) {
		const b = before.texts.find((t) => t.locale === locale);
		const a = after.texts.find((t) => t.locale === locale);
		push(out, 'description', 'longtext', b?.description ?? null, a?.description ?? null, locale);
		push(out, 'translationState', 'enum', b?.state ?? null, a?.state ?? null, locale);
	}
	return out;
}
