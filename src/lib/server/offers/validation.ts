import { z } from 'zod';
import {
	CONTENT_LOCALES,
	COST_KINDS,
	LOCATION_KINDS,
	SCHEDULE_KINDS,
	SPOKEN_LANGUAGES,
	TARGET_GROUPS,
	TRANSLATION_STATES
} from './vocabulary';
import { berlinLocalToDate, parseTime } from './schedule';
import {
	formValues,
	isIsoDate,
	list,
	optionalDecimal,
	optionalPostalCode,
	optionalText,
	optionalUrl,
	str
} from '../shared';
import type { FormValues } from '../shared';

/** Texts kept per language. */
export const OFFER_TEXT_FIELDS = [
	'title',
	'description',
	'costNote',
	'registrationNote',
	'scheduleNote',
	'accessibilityNote'
] as const;
export type OfferTextField = (typeof OFFER_TEXT_FIELDS)[number];

/** How many place rows the form offers at most. */
export const MAX_PLACES = 10;

const optionalUuid = (key: string) =>
	z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
		.pipe(z.uuid({ error: key }).nullable());

const uniqueList = <T extends z.ZodType>(item: T, max: number, key: string) =>
	z
		.array(item)
		.max(max, { error: key })
		.transform((v) => [...new Set(v)] as z.output<T>[]);

const optionalDate = (key: string) =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), { error: key })
		.transform((v) => (v === '' ? null : v));

type OfferInputTexts = Partial<Record<string, Partial<Record<string, string | null>>>>;

/**
 * Cross-field checks run even when single fields failed, so a person sees every mistake at
 * once (the values may then be partly unparsed: the checks only test for presence and order).
 */
export const everyField = {
	when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null
};

const note = optionalText(1000, 'offers_error_note_too_long');

export const offerTextInput = z.object({
	title: optionalText(200, 'offers_error_title_too_long'),
	description: optionalText(10000, 'offers_error_description_too_long'),
	costNote: note,
	registrationNote: note,
	scheduleNote: note,
	accessibilityNote: note,
	state: z.enum(TRANSLATION_STATES, { error: 'offers_error_state_invalid' }).default('draft')
});

export const placeInput = z
	.object({
		name: optionalText(200, 'offers_error_text_too_long'),
		street: optionalText(200, 'offers_error_text_too_long'),
		postalCode: optionalPostalCode('org_error_postal_code_invalid'),
		city: optionalText(100, 'offers_error_text_too_long'),
		room: optionalText(200, 'offers_error_text_too_long'),
		latitude: optionalDecimal(-90, 90, 'org_error_latitude_invalid'),
		longitude: optionalDecimal(-180, 180, 'org_error_longitude_invalid')
	})
	.superRefine((p, c) => {
		if ((p.latitude === null) !== (p.longitude === null)) {
			c.addIssue({
				code: 'custom',
				path: [p.latitude === null ? 'latitude' : 'longitude'],
				message: 'org_error_coordinates_pair'
			});
		}
		const empty = Object.values(p).every((v) => v === null);
		if (!empty && !p.name && !p.street && !p.city) {
			c.addIssue({ code: 'custom', path: ['name'], message: 'offers_error_place_name_required' });
		}
	}, everyField);
export type PlaceInput = z.output<typeof placeInput>;

/** An offer as editors submit it (one schema for form, use case and API). */
export const offerInput = z
	.object({
		fieldOfActionId: optionalUuid('offers_error_field_invalid'),
		targetGroups: uniqueList(
			z.enum(TARGET_GROUPS, { error: 'offers_error_target_group_invalid' }),
			TARGET_GROUPS.length,
			'offers_error_target_group_invalid'
		),
		languages: uniqueList(
			z.enum(SPOKEN_LANGUAGES, { error: 'org_error_language_invalid' }),
			SPOKEN_LANGUAGES.length,
			'org_error_language_invalid'
		),
		municipalityIds: uniqueList(
			z.uuid({ error: 'org_error_municipality_invalid' }),
			500,
			'org_error_municipality_invalid'
		),
		locationKind: z.enum(LOCATION_KINDS, { error: 'offers_error_location_kind_invalid' }),
		onlineUrl: optionalUrl('offers_error_url_invalid'),
		places: z
			.array(placeInput)
			.max(MAX_PLACES, { error: 'offers_error_too_many_places' })
			.transform((rows) => rows.filter((p) => !Object.values(p).every((v) => v === null))),
		scheduleKind: z.enum(SCHEDULE_KINDS, { error: 'offers_error_schedule_kind_invalid' }),
		/** local Berlin time, as a datetime-local field sends it */
		startsAt: z.string().trim().default(''),
		endsAt: z.string().trim().default(''),
		weekdays: uniqueList(
			z.coerce
				.number({ error: 'offers_error_weekday_invalid' })
				.int({ error: 'offers_error_weekday_invalid' })
				.min(1, { error: 'offers_error_weekday_invalid' })
				.max(7, { error: 'offers_error_weekday_invalid' }),
			7,
			'offers_error_weekday_invalid'
		),
		/** HH:MM, local Berlin time, for recurring offers */
		timeStart: z.string().trim().default(''),
		timeEnd: z.string().trim().default(''),
		costKind: z.enum(COST_KINDS, { error: 'offers_error_cost_kind_invalid' }),
		registrationRequired: z.boolean().default(false),
		childcare: z.boolean().default(false),
		accessible: z.boolean().default(false),
		validFrom: optionalDate('offers_error_date_invalid'),
		validTo: optionalDate('offers_error_date_invalid'),
		contactId: optionalUuid('offers_error_contact_invalid'),
		texts: z.partialRecord(z.enum(CONTENT_LOCALES), offerTextInput).default({})
	})
	.superRefine((v, c) => {
		const issue = (path: (string | number)[], message: string) =>
			c.addIssue({ code: 'custom', path, message });
		const texts = (v.texts ?? {}) as OfferInputTexts;
		const de = texts.de;
		if (!de?.title) issue(['texts', 'de', 'title'], 'offers_error_title_required');
		for (const [locale, t] of Object.entries(texts)) {
			if (locale === 'de' || !t) continue;
			const hasContent = OFFER_TEXT_FIELDS.some((f) => !!t[f]);
			if (hasContent && !t.title)
				issue(['texts', locale, 'title'], 'offers_error_title_required_locale');
		}
		if (v.locationKind === 'place' && (v.places ?? []).length === 0)
			issue(['places'], 'offers_error_place_required');
		if (v.locationKind === 'online' && !v.onlineUrl)
			issue(['onlineUrl'], 'offers_error_online_url_required');
		if (v.scheduleKind === 'once') {
			const start = v.startsAt ? berlinLocalToDate(v.startsAt) : null;
			if (!v.startsAt) issue(['startsAt'], 'offers_error_starts_at_required');
			else if (!start) issue(['startsAt'], 'offers_error_datetime_invalid');
			if (v.endsAt) {
				const end = berlinLocalToDate(v.endsAt);
				if (!end) issue(['endsAt'], 'offers_error_datetime_invalid');
				else if (start && end <= start) issue(['endsAt'], 'offers_error_ends_before_start');
			}
		}
		if (v.scheduleKind === 'recurring') {
			if ((v.weekdays ?? []).length === 0) issue(['weekdays'], 'offers_error_weekdays_required');
			const start = parseTime(v.timeStart);
			if (!v.timeStart) issue(['timeStart'], 'offers_error_time_required');
			else if (start === null) issue(['timeStart'], 'offers_error_time_invalid');
			if (v.timeEnd) {
				const end = parseTime(v.timeEnd);
				if (end === null) issue(['timeEnd'], 'offers_error_time_invalid');
				else if (start !== null && end <= start)
					issue(['timeEnd'], 'offers_error_time_end_before_start');
			}
		}
		if (v.validFrom && v.validTo && v.validTo < v.validFrom)
			issue(['validTo'], 'offers_error_valid_to_before_from');
	}, everyField);
export type OfferInput = z.output<typeof offerInput>;

/** Checkbox groups of the offer form. */
export const OFFER_LIST_FIELDS = [
	'targetGroups',
	'languages',
	'municipalityIds',
	'weekdays'
] as const;

/** The structured input from the offer form's fields (text_<locale>_<field>, place_<n>_<field>). */
export function offerInputFromForm(form: FormData | FormValues) {
	const v = form instanceof FormData ? formValues(form, OFFER_LIST_FIELDS) : form;
	const texts: Record<string, Record<string, string>> = {};
	for (const locale of CONTENT_LOCALES) {
		const t: Record<string, string> = {};
		for (const f of OFFER_TEXT_FIELDS) t[f] = str(v[`text_${locale}_${f}`]);
		t.state = str(v[`text_${locale}_state`]) || 'draft';
		texts[locale] = t;
	}
	const places: Record<string, string>[] = [];
	for (let i = 0; i < MAX_PLACES; i++) {
		const fields = ['name', 'street', 'postalCode', 'city', 'room', 'latitude', 'longitude'];
		if (!fields.some((f) => `place_${i}_${f}` in v)) continue;
		places.push(Object.fromEntries(fields.map((f) => [f, str(v[`place_${i}_${f}`])])));
	}
	return {
		fieldOfActionId: str(v.fieldOfActionId),
		targetGroups: list(v.targetGroups),
		languages: list(v.languages),
		municipalityIds: list(v.municipalityIds),
		locationKind: str(v.locationKind),
		onlineUrl: str(v.onlineUrl),
		places,
		scheduleKind: str(v.scheduleKind),
		startsAt: str(v.startsAt),
		endsAt: str(v.endsAt),
		weekdays: list(v.weekdays),
		timeStart: str(v.timeStart),
		timeEnd: str(v.timeEnd),
		costKind: str(v.costKind),
		registrationRequired: str(v.registrationRequired) === 'on',
		childcare: str(v.childcare) === 'on',
		accessible: str(v.accessible) === 'on',
		validFrom: str(v.validFrom),
		validTo: str(v.validTo),
		contactId: str(v.contactId),
		texts
	};
}
